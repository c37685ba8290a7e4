import { Inject, Injectable } from '@nestjs/common';
import { assertRegionInScope, forbidden, scopeRegionCode, type Principal } from '@fupin/auth';
import {
  pageOffset,
  type CreateUserBody,
  type Paginated,
  type UpdateUserBody,
  type UserListQuery,
  type UserView,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { SecretHasher } from '../common/secret-hasher';
import { likeEscape, WhereBuilder } from '../common/sql';
import { assertStrongPassword } from './password-policy';
import {
  loadUser,
  revokeUserTokens,
  toUserView,
  USER_REGION_SQL,
  USER_SELECT,
  userRegionCode,
  type UserRow,
} from './user-row';
import { assertMayManage, resolveScope } from './users-policy';
import { UserErrorCode, UserException } from './users.exception';

/** Staff accounts: created by administrators with a role and a scope, disabled, unlocked, reset. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SecretHasher) private readonly hasher: SecretHasher,
  ) {}

  async list(principal: Principal, query: UserListQuery): Promise<Paginated<UserView>> {
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    if (query.regionCode) assertRegionInScope(principal, query.regionCode);
    const where = new WhereBuilder();
    where.add(`${USER_REGION_SQL} LIKE ?`, `${query.regionCode ?? root}%`);
    if (query.role) where.add('u.role = ?', query.role);
    if (query.organisationId) where.add('u.organisation_id = ?', query.organisationId);
    if (query.organisationType) where.add('o.type = ?', query.organisationType);
    if (query.active !== undefined) where.add('u.active = ?', query.active);
    if (query.q) {
      const q = `%${likeEscape(query.q)}%`;
      where.add(`(u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')`, q.toLowerCase(), q);
    }
    const from = 'FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id';
    const [{ total }] = (await this.dataSource.query(`SELECT count(*) AS total ${from} ${where.toSql()}`, [
      ...where.params,
    ])) as Array<{
      total: string;
    }>;
    const rows = (await this.dataSource.query(
      `${USER_SELECT} ${where.toSql()} ORDER BY u.username LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as UserRow[];
    return { items: rows.map(toUserView), total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async get(principal: Principal, id: string): Promise<UserView> {
    const row = await loadUser(this.dataSource.manager, 'id', id);
    if (!row) throw UserException.notFound(id);
    assertRegionInScope(principal, userRegionCode(row));
    return toUserView(row);
  }

  async create(
    ctx: RequestContext,
    body: CreateUserBody,
    options: { mustChangePassword?: boolean } = {},
  ): Promise<UserView> {
    assertStrongPassword(body.password, body.username);
    const passwordHash = await this.hasher.hash(body.password);
    return this.dataSource.transaction(async (manager) => {
      const scope = await resolveScope(manager, body.role, body.scope);
      assertMayManage(ctx.principal, { role: body.role, regionCode: scope.coveredRegion });
      const id = randomUUID();
      const inserted = (await manager.query(
        `INSERT INTO users (id, username, display_name, password_hash, role, region_code, organisation_id, phone,
           must_change_password, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [
          id,
          body.username,
          body.displayName,
          passwordHash,
          body.role,
          scope.regionCode,
          scope.organisationId,
          body.phone ?? null,
          options.mustChangePassword ?? true,
          ctx.actorId,
        ],
      )) as unknown[];
      if (!inserted.length)
        throw new UserException(
          UserErrorCode.UsernameTaken,
          `用户名 ${body.username} 已被使用 / Username ${body.username} is taken`,
        );
      await audit(
        manager,
        ctx,
        'user.created',
        { type: 'user', id },
        {
          username: body.username,
          role: body.role,
          scope: body.scope,
        },
      );
      return toUserView((await loadUser(manager, 'id', id))!);
    });
  }

  async update(ctx: RequestContext, id: string, body: UpdateUserBody): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockManageable(manager, ctx, id);
      const role = body.role ?? before.role;
      const scopeChanged = body.role !== undefined || body.scope !== undefined;
      let regionCode = before.region_code;
      let organisationId = before.organisation_id;
      if (scopeChanged) {
        if (ctx.principal?.id === id)
          throw new UserException(
            UserErrorCode.CannotChangeSelf,
            '不能修改自己的角色 / You cannot change your own role',
          );
        const current = toUserView(before).scope;
        const scope =
          body.scope ??
          (current.kind === 'region'
            ? { kind: 'region' as const, code: current.code }
            : { kind: 'organisation' as const, id: before.organisation_id! });
        const resolved = await resolveScope(manager, role, scope);
        assertMayManage(ctx.principal, { role, regionCode: resolved.coveredRegion });
        ({ regionCode, organisationId } = resolved);
      }
      await manager.query(
        `UPDATE users SET display_name = $2, phone = $3, role = $4, region_code = $5, organisation_id = $6, updated_at = now() WHERE id = $1`,
        [
          id,
          body.displayName ?? before.display_name,
          body.phone === undefined ? before.phone : body.phone,
          role,
          regionCode,
          organisationId,
        ],
      );
      // Tokens carry role and scope: a changed one must not live on in an old refresh token.
      if (scopeChanged) await revokeUserTokens(manager, id, 'role_or_scope_changed');
      await audit(manager, ctx, 'user.updated', { type: 'user', id }, { changes: body });
      return toUserView((await loadUser(manager, 'id', id))!);
    });
  }

  async setActive(ctx: RequestContext, id: string, active: boolean): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockManageable(manager, ctx, id);
      if (ctx.principal?.id === id)
        throw new UserException(
          UserErrorCode.CannotChangeSelf,
          '不能停用自己的账户 / You cannot disable your own account',
        );
      if (before.active === active) return toUserView(before);
      await manager.query('UPDATE users SET active = $2, updated_at = now() WHERE id = $1', [id, active]);
      if (!active) await revokeUserTokens(manager, id, 'disabled');
      await audit(
        manager,
        ctx,
        active ? 'user.enabled' : 'user.disabled',
        { type: 'user', id },
        { username: before.username },
      );
      return toUserView((await loadUser(manager, 'id', id))!);
    });
  }

  async unlock(ctx: RequestContext, id: string): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockManageable(manager, ctx, id);
      if (before.failed_logins === 0 && before.locked_until === null) return toUserView(before);
      await manager.query(
        'UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1',
        [id],
      );
      await audit(manager, ctx, 'user.unlocked', { type: 'user', id }, { username: before.username });
      return toUserView((await loadUser(manager, 'id', id))!);
    });
  }

  /** An administrator sets a temporary password; the user must change it at next login. */
  async resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<UserView> {
    const preview = await loadUser(this.dataSource.manager, 'id', id);
    if (!preview) throw UserException.notFound(id);
    assertStrongPassword(newPassword, preview.username);
    const hash = await this.hasher.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockManageable(manager, ctx, id);
      await manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
           password_changed_at = now(), updated_at = now() WHERE id = $1`,
        [id, hash],
      );
      await revokeUserTokens(manager, id, 'password_reset');
      await audit(manager, ctx, 'user.password_reset', { type: 'user', id }, { username: before.username });
      return toUserView((await loadUser(manager, 'id', id))!);
    });
  }

  private async lockManageable(manager: EntityManager, ctx: RequestContext, id: string): Promise<UserRow> {
    const row = await loadUser(manager, 'id', id, true);
    if (!row) throw UserException.notFound(id);
    assertMayManage(ctx.principal, { role: row.role, regionCode: userRegionCode(row) });
    return row;
  }
}
