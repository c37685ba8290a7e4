import { Injectable } from '@nestjs/common';
import { assertOrganisationInScope, type Principal } from '@fupin/auth';
import { DataSource, EntityManager } from 'typeorm';
import { EntityErrorCode, EntityException } from '../entities/entities.exception';

/** Organisation types that distribute dividends (分红主体). */
export const DISTRIBUTING_TYPES = ['cooperative', 'village_collective', 'enterprise', 'pv_station'] as const;

export interface EntityView {
  id: string;
  type: string;
  name: string;
  regionCode: string;
  countyCode: string;
  villageCode: string | null;
  active: boolean;
}

export interface HouseholdRow {
  id: string;
  household_number: string;
  county_code: string;
  village_code: string;
  head_name: string;
  member_count: number;
  labour_class: string | null;
  poverty_status: string;
  bank_name: string | null;
  bank_account_masked: string | null;
}

/** Lookups in the read models, with the scope check every command starts with. */
@Injectable()
export class ReadModelsService {
  constructor(private readonly dataSource: DataSource) {}

  async entity(id: string, manager: EntityManager = this.dataSource.manager): Promise<EntityView> {
    const [row] = (await manager.query(
      `SELECT id, type, name, region_code, county_code, village_code, active FROM organisation_rm
       WHERE id = $1 AND type = ANY($2)`,
      [id, DISTRIBUTING_TYPES],
    )) as Array<Record<string, string | boolean | null>>;
    if (!row) throw EntityException.notFound(id);
    return {
      id: row.id as string,
      type: row.type as string,
      name: row.name as string,
      regionCode: row.region_code as string,
      countyCode: row.county_code as string,
      villageCode: row.village_code as string | null,
      active: row.active as boolean,
    };
  }

  /** The entity, after checking the principal may act on it (403 otherwise, before anything changes). */
  async entityInScope(
    principal: Principal | undefined,
    id: string,
    manager?: EntityManager,
  ): Promise<EntityView> {
    const entity = await this.entity(id, manager);
    if (principal) assertOrganisationInScope(principal, entity);
    return entity;
  }

  async household(id: string, manager: EntityManager = this.dataSource.manager): Promise<HouseholdRow> {
    const [row] = (await manager.query('SELECT * FROM household_rm WHERE id = $1', [id])) as HouseholdRow[];
    if (!row)
      throw new EntityException(
        EntityErrorCode.HouseholdUnknown,
        `农户 ${id} 不在登记库中 / Household ${id} is not in the registry`,
      );
    return row;
  }
}
