import type { OrganisationSnapshot, OrganisationType, OrganisationView } from '@fupin/contracts';
import { iso } from '../common/sql';

export interface OrganisationRow {
  id: string;
  type: OrganisationType;
  name: string;
  region_code: string;
  region_name: string;
  contact_name: string | null;
  contact_phone: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export const ORGANISATION_SELECT = `
  SELECT o.*, r.name AS region_name FROM organisations o JOIN regions r ON r.code = o.region_code`;

export function toOrganisationView(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    active: row.active,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** What the organisation events carry. */
export function toOrganisationSnapshot(view: OrganisationView): OrganisationSnapshot {
  const code = view.regionCode;
  return {
    organisationId: view.id,
    type: view.type,
    name: view.name,
    regionCode: code,
    countyCode: code.slice(0, 6),
    townCode: code.length >= 9 ? code.slice(0, 9) : null,
    villageCode: code.length >= 12 ? code.slice(0, 12) : null,
    active: view.active,
  };
}
