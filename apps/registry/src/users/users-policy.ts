import { assertRegionInScope, forbidden, type Principal } from '@fupin/auth';
import { ROLE_SCOPE_RULES, regionLevelOf, type StaffRole, type UserScopeInput } from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import { UserErrorCode, UserException } from './users.exception';

/** Roles a town administrator may give, inside the town. County administrators may give any role in the county. */
const TOWN_MANAGEABLE: readonly StaffRole[] = ['village_admin', 'store_keeper', 'collector'];

/** 403 unless the actor may create or change a user with this role in this region. */
export function assertMayManage(
  actor: Principal | undefined,
  target: { role: StaffRole; regionCode: string },
): void {
  if (!actor) return;
  if (actor.role === 'county_admin') return assertRegionInScope(actor, target.regionCode);
  if (actor.role === 'town_admin' && TOWN_MANAGEABLE.includes(target.role))
    return assertRegionInScope(actor, target.regionCode);
  throw forbidden('无权管理该角色的用户 / You may not manage users with this role');
}

/** The scope as stored, with the region it covers; 422 when the scope does not fit the role. */
export async function resolveScope(
  manager: EntityManager,
  role: StaffRole,
  scope: UserScopeInput,
): Promise<{ regionCode: string | null; organisationId: string | null; coveredRegion: string }> {
  const rule = ROLE_SCOPE_RULES[role];
  if (rule.kind !== scope.kind) {
    throw new UserException(
      UserErrorCode.ScopeNotAllowed,
      `该角色的范围须为${rule.kind === 'region' ? '区划' : '机构'} / This role needs ${rule.kind === 'region' ? 'a region' : 'an organisation'} scope`,
      { rule },
    );
  }
  if (scope.kind === 'region') {
    const level = regionLevelOf(scope.code);
    const [region] = (await manager.query('SELECT code FROM regions WHERE code = $1', [
      scope.code,
    ])) as unknown[];
    if (!region)
      throw new UserException(
        UserErrorCode.ScopeNotFound,
        `区划 ${scope.code} 不存在 / Region ${scope.code} does not exist`,
      );
    if (rule.kind !== 'region' || !level || !rule.levels.includes(level)) {
      throw new UserException(
        UserErrorCode.ScopeNotAllowed,
        '该角色不能设在这一级区划 / This role does not fit that region level',
        { rule },
      );
    }
    return { regionCode: scope.code, organisationId: null, coveredRegion: scope.code };
  }
  const [organisation] = (await manager.query(
    'SELECT type, region_code, active FROM organisations WHERE id = $1',
    [scope.id],
  )) as Array<{
    type: string;
    region_code: string;
    active: boolean;
  }>;
  if (!organisation)
    throw new UserException(
      UserErrorCode.ScopeNotFound,
      `机构 ${scope.id} 不存在 / Organisation ${scope.id} does not exist`,
    );
  if (rule.kind !== 'organisation' || !(rule.orgTypes as readonly string[]).includes(organisation.type)) {
    throw new UserException(
      UserErrorCode.ScopeNotAllowed,
      '该角色不能属于这类机构 / This role does not fit that kind of organisation',
      { rule },
    );
  }
  return { regionCode: null, organisationId: scope.id, coveredRegion: organisation.region_code };
}
