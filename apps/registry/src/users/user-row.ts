import type { OrganisationType, PrincipalScope, StaffRole, UserView } from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import { iso } from '../common/sql';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  region_code: string | null;
  organisation_id: string | null;
  org_type: OrganisationType | null;
  org_region_code: string | null;
  org_active: boolean | null;
  scope_name: string;
  phone: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
}

export const USER_SELECT = `
  SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.region_code, u.organisation_id,
    o.type AS org_type, o.region_code AS org_region_code, o.active AS org_active,
    coalesce(o.name, (SELECT string_agg(a.name, ' / ' ORDER BY length(a.code)) FROM regions a
      WHERE a.code IN (left(u.region_code, 6), left(u.region_code, 9), left(u.region_code, 12), u.region_code))) AS scope_name,
    u.phone, u.active, u.failed_logins, u.locked_until, u.must_change_password, u.last_login_at, u.created_at
  FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id`;

/** The region a user's scope covers: its region, or its organisation's region. */
export const USER_REGION_SQL = 'coalesce(u.region_code, o.region_code)';

export function userScope(row: UserRow): PrincipalScope {
  if (row.organisation_id) {
    return {
      kind: 'organisation',
      id: row.organisation_id,
      orgType: row.org_type!,
      regionCode: row.org_region_code!,
    };
  }
  return { kind: 'region', code: row.region_code! };
}

export function userRegionCode(row: UserRow): string {
  return row.region_code ?? row.org_region_code!;
}

export function isLocked(row: Pick<UserRow, 'locked_until'>, now = new Date()): boolean {
  return row.locked_until !== null && row.locked_until.getTime() > now.getTime();
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scope: userScope(row),
    scopeName: row.scope_name,
    phone: row.phone,
    active: row.active,
    locked: isLocked(row),
    lockedUntil: isLocked(row) ? iso(row.locked_until) : null,
    mustChangePassword: row.must_change_password,
    lastLoginAt: iso(row.last_login_at),
    createdAt: iso(row.created_at)!,
  };
}

/** One user by a column (`id` or `username`), optionally locking the row. */
export async function loadUser(
  manager: EntityManager,
  by: 'id' | 'username',
  value: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const [row] = (await manager.query(
    `${USER_SELECT} WHERE u.${by} = $1 ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
    [value],
  )) as UserRow[];
  return row;
}

/** Ends every live refresh token of a user (disabled, role changed, password changed). */
export async function revokeUserTokens(
  manager: EntityManager,
  userId: string,
  reason: string,
): Promise<void> {
  await manager.query(
    `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId, reason],
  );
}
