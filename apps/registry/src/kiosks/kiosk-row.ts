import type { KioskView } from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import { iso } from '../common/sql';

export interface KioskRow {
  id: string;
  name: string;
  store_id: string;
  store_name: string;
  store_active: boolean;
  village_code: string;
  village_name: string;
  active: boolean;
  credential_hash: string;
  credential_issued_at: Date;
  last_sign_in_at: Date | null;
  created_at: Date;
}

export const KIOSK_SELECT = `
  SELECT k.id, k.name, k.store_id, o.name AS store_name, o.active AS store_active, o.region_code AS village_code,
    r.name AS village_name, k.active, k.credential_hash, k.credential_issued_at, k.last_sign_in_at, k.created_at
  FROM kiosks k JOIN organisations o ON o.id = k.store_id JOIN regions r ON r.code = o.region_code`;

export function toKioskView(row: KioskRow): KioskView {
  return {
    id: row.id,
    name: row.name,
    storeId: row.store_id,
    storeName: row.store_name,
    villageCode: row.village_code,
    villageName: row.village_name,
    active: row.active,
    createdAt: iso(row.created_at)!,
    credentialIssuedAt: iso(row.credential_issued_at)!,
    lastSignInAt: iso(row.last_sign_in_at),
  };
}

export async function loadKiosk(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<KioskRow | undefined> {
  const [row] = (await manager.query(
    `${KIOSK_SELECT} WHERE k.id = $1 ${forUpdate ? 'FOR UPDATE OF k' : ''}`,
    [id],
  )) as KioskRow[];
  return row;
}
