import { Injectable } from '@nestjs/common';
import type { OrganisationType } from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { NetworkErrorCode, NetworkException } from './network.exception';

export interface NetworkOrganisation {
  id: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  villageCode: string | null;
  active: boolean;
}

/** The market's view of the county–town–village network, kept from registry events. */
@Injectable()
export class NetworkService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<NetworkOrganisation[]> {
    const rows = await this.dataSource.query(
      `SELECT id, type, name, region_code, village_code, active FROM network_organisation ORDER BY type, region_code, name`,
    );
    return rows.map(toOrganisation);
  }

  /** The organisation, which must be active and of one of these types (422 otherwise). */
  async require(
    manager: EntityManager,
    id: string,
    types: readonly OrganisationType[],
  ): Promise<NetworkOrganisation> {
    const [row] = await manager.query(
      `SELECT id, type, name, region_code, village_code, active FROM network_organisation WHERE id = $1`,
      [id],
    );
    if (!row) {
      throw new NetworkException(
        NetworkErrorCode.OrganisationNotFound,
        `机构 ${id} 不在扶贫超市网络中 / Organisation ${id} is not part of the market network`,
      );
    }
    if (!types.includes(row.type)) {
      throw new NetworkException(
        NetworkErrorCode.WrongType,
        `机构 ${row.name} 不是 ${types.join('/')} / Organisation ${row.name} is not a ${types.join(' or ')}`,
      );
    }
    if (!row.active) {
      throw new NetworkException(
        NetworkErrorCode.Inactive,
        `机构 ${row.name} 已停用 / ${row.name} is inactive`,
      );
    }
    return toOrganisation(row);
  }

  async requireHousehold(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; villageCode: string; headName: string; householdNumber: string }> {
    const [row] = await manager.query(
      `SELECT id, village_code, head_name, household_number FROM network_household WHERE id = $1`,
      [id],
    );
    if (!row) {
      throw new NetworkException(
        NetworkErrorCode.HouseholdNotFound,
        `农户 ${id} 未登记 / Household ${id} is not registered`,
      );
    }
    return {
      id: row.id,
      villageCode: row.village_code,
      headName: row.head_name,
      householdNumber: row.household_number,
    };
  }
}

function toOrganisation(row: Record<string, unknown>): NetworkOrganisation {
  return {
    id: row.id as string,
    type: row.type as OrganisationType,
    name: row.name as string,
    regionCode: row.region_code as string,
    villageCode: (row.village_code as string | null) ?? null,
    active: row.active as boolean,
  };
}
