import { assertHouseholdInScope, canAccessRegion, forbidden, type Principal } from '@fupin/auth';
import { EntityManager } from 'typeorm';
import { LedgerException } from './ledger.exception';

export interface HouseholdRow {
  id: string;
  householdNumber: string;
  villageCode: string;
  headName: string;
}

export interface StoreRow {
  id: string;
  name: string;
  villageCode: string;
  active: boolean;
}

/** A household of the read model, or 404. */
export async function findHousehold(manager: EntityManager, id: string): Promise<HouseholdRow> {
  const [row] = await manager.query(
    `SELECT id, household_number, village_code, head_name FROM household_view WHERE id = $1`,
    [id],
  );
  if (!row) throw LedgerException.householdNotFound(id);
  return {
    id: row.id,
    householdNumber: row.household_number,
    villageCode: row.village_code,
    headName: row.head_name,
  };
}

/** A household the principal may see (own kiosk session, or staff of its region), or 404/403. */
export async function findHouseholdInScope(
  manager: EntityManager,
  principal: Principal,
  id: string,
): Promise<HouseholdRow> {
  const household = await findHousehold(manager, id);
  assertHouseholdInScope(principal, household);
  return household;
}

/** A love supermarket of the read model, or 404. */
export async function findStore(manager: EntityManager, id: string): Promise<StoreRow> {
  const [row] = await manager.query(`SELECT id, name, village_code, active FROM store_view WHERE id = $1`, [
    id,
  ]);
  if (!row) throw LedgerException.storeNotFound(id);
  return { id: row.id, name: row.name, villageCode: row.village_code, active: row.active };
}

/**
 * Who may look at a store: its own keeper, a kiosk session at it, staff whose region holds its
 * village, auditors (county scope).
 */
export function canSeeStore(principal: Principal, store: StoreRow): boolean {
  const scope = principal.scope;
  if (scope.kind === 'organisation')
    return scope.id === store.id || canAccessRegion(principal, store.villageCode);
  if (scope.kind === 'household') return scope.storeId === store.id;
  return canAccessRegion(principal, store.villageCode);
}

export function assertCanSeeStore(principal: Principal, store: StoreRow): void {
  if (!canSeeStore(principal, store)) throw forbidden('不是您所属的爱心超市 / Not your love supermarket');
}

/** Only the store's own keeper moves its stock. */
export function assertKeeperOf(principal: Principal, store: StoreRow): void {
  const scope = principal.scope;
  if (scope.kind !== 'organisation' || scope.id !== store.id) {
    throw forbidden('只有本店管理员可以操作 / Only this store’s keeper may do this');
  }
}
