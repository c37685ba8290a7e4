import { Inject, Injectable } from '@nestjs/common';
import type { ChangePasswordBody, LoginBody, TokenPairResponse } from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { SecretHasher } from '../common/secret-hasher';
import { actingAs, audit, type RequestContext } from '@fupin/service-kit';
import { queryReturning } from '../common/sql';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry-config';
import { assertStrongPassword } from '../users/password-policy';
import { isLocked, loadUser, revokeUserTokens, toUserView, type UserRow } from '../users/user-row';
import { findRefreshToken, revokeFamily, storeRefreshToken } from './refresh-tokens';
import { LoginErrorCode, LoginException } from './login.exception';
import { SigningKeyStore } from './signing-key-store';

/** Wrong passwords in a row before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** A transaction's outcome: its writes commit either way, then a failure is thrown. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: LoginException };

/** Staff sign-in: password login with lockout, refresh-token rotation, logout, password change. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SecretHasher) private readonly hasher: SecretHasher,
    @Inject(SigningKeyStore) private readonly keys: SigningKeyStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async login(ctx: RequestContext, body: LoginBody): Promise<TokenPairResponse> {
    return settle(
      await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPairResponse>> => {
        const user = await loadUser(manager, 'username', body.username, true);
        if (!user) {
          await this.hasher.verifyDecoy(body.password);
          await audit(
            manager,
            ctx,
            'auth.login_failed',
            { type: 'user', id: body.username },
            { reason: 'unknown_user' },
          );
          return { ok: false, error: LoginException.invalidCredentials() };
        }
        const actor = actingAs(ctx, {
          id: user.id,
          name: user.display_name,
          role: user.role,
          scope: scopeLabel(user),
        });
        if (isLocked(user)) {
          await audit(
            manager,
            actor,
            'auth.login_refused',
            { type: 'user', id: user.id },
            { reason: 'locked' },
          );
          return { ok: false, error: LoginException.locked(user.locked_until!) };
        }
        const failure = await this.checkPassword(manager, actor, user, body.password, 'auth.login_failed');
        if (failure) return { ok: false, error: failure };
        if (!user.active || user.org_active === false) {
          await audit(
            manager,
            actor,
            'auth.login_refused',
            { type: 'user', id: user.id },
            { reason: 'disabled' },
          );
          return {
            ok: false,
            error: new LoginException(LoginErrorCode.AccountDisabled, '账户已停用 / The account is disabled'),
          };
        }
        await manager.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
        await audit(manager, actor, 'auth.login', { type: 'user', id: user.id }, { username: user.username });
        return { ok: true, value: await this.issue(manager, actor, user) };
      }),
    );
  }

  /** Exchanges a refresh token for a new pair; a token used twice ends its whole family (theft). */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<TokenPairResponse> {
    return settle(
      await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPairResponse>> => {
        const token = await findRefreshToken(manager, refreshToken);
        if (!token || token.revoked_at || token.expires_at.getTime() <= Date.now()) {
          return { ok: false, error: LoginException.refreshInvalid() };
        }
        const user = (await loadUser(manager, 'id', token.user_id, true))!;
        const actor = actingAs(ctx, {
          id: user.id,
          name: user.display_name,
          role: user.role,
          scope: scopeLabel(user),
        });
        if (token.used_at) {
          await revokeFamily(manager, token.family_id, 'reused');
          await audit(
            manager,
            actor,
            'auth.refresh_token_reused',
            { type: 'user', id: user.id },
            { family: token.family_id },
          );
          return { ok: false, error: LoginException.refreshInvalid() };
        }
        if (!user.active || user.org_active === false) {
          await revokeFamily(manager, token.family_id, 'disabled');
          await audit(
            manager,
            actor,
            'auth.refresh_refused',
            { type: 'user', id: user.id },
            { reason: 'disabled' },
          );
          return {
            ok: false,
            error: new LoginException(LoginErrorCode.AccountDisabled, '账户已停用 / The account is disabled'),
          };
        }
        await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [token.id]);
        await audit(
          manager,
          actor,
          'auth.token_refreshed',
          { type: 'user', id: user.id },
          { family: token.family_id },
        );
        return { ok: true, value: await this.issue(manager, actor, user, token.family_id) };
      }),
    );
  }

  /** Ends the session the refresh token belongs to. Unknown or already ended tokens change nothing. */
  async logout(ctx: RequestContext, refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await findRefreshToken(manager, refreshToken);
      if (!token || token.revoked_at) return;
      await revokeFamily(manager, token.family_id, 'logout');
      const user = (await loadUser(manager, 'id', token.user_id))!;
      const actor = actingAs(ctx, {
        id: user.id,
        name: user.display_name,
        role: user.role,
        scope: scopeLabel(user),
      });
      await audit(manager, actor, 'auth.logout', { type: 'user', id: user.id }, { family: token.family_id });
    });
  }

  /** The signed-in user changes their own password; other sessions end, this one gets a new pair. */
  async changePassword(ctx: RequestContext, body: ChangePasswordBody): Promise<TokenPairResponse> {
    const principal = ctx.principal!;
    const preview = await loadUser(this.dataSource.manager, 'id', principal.id);
    if (!preview)
      throw new LoginException(
        LoginErrorCode.NotAStaffUser,
        '只有工作人员账户可修改密码 / Only staff accounts have passwords',
      );
    assertStrongPassword(body.newPassword, preview.username);
    if (body.newPassword === body.currentPassword) {
      throw new LoginException(
        LoginErrorCode.SamePassword,
        '新密码不能与旧密码相同 / The new password must differ',
      );
    }
    const hash = await this.hasher.hash(body.newPassword);
    return settle(
      await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPairResponse>> => {
        const user = (await loadUser(manager, 'id', principal.id, true))!;
        if (isLocked(user)) return { ok: false, error: LoginException.locked(user.locked_until!) };
        const failure = await this.checkPassword(
          manager,
          ctx,
          user,
          body.currentPassword,
          'user.password_change_failed',
        );
        if (failure) {
          const wrong = new LoginException(
            LoginErrorCode.CurrentPasswordWrong,
            '当前密码不正确 / The current password is wrong',
            failure.details,
          );
          return { ok: false, error: failure.code === LoginErrorCode.AccountLocked ? failure : wrong };
        }
        await manager.query(
          `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(), updated_at = now() WHERE id = $1`,
          [user.id, hash],
        );
        await revokeUserTokens(manager, user.id, 'password_changed');
        await audit(manager, ctx, 'user.password_changed', { type: 'user', id: user.id }, {});
        return { ok: true, value: await this.issue(manager, ctx, { ...user, must_change_password: false }) };
      }),
    );
  }

  /** Verifies a password; a wrong one is counted, and the fifth in a row locks the account for 15 minutes. */
  private async checkPassword(
    manager: EntityManager,
    ctx: RequestContext,
    user: UserRow,
    password: string,
    failedAction: string,
  ): Promise<LoginException | undefined> {
    if (await this.hasher.verify(user.password_hash, password)) {
      if (user.failed_logins > 0 || user.locked_until) {
        await manager.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
          user.id,
        ]);
      }
      return undefined;
    }
    const failures = user.failed_logins + 1;
    if (failures >= MAX_FAILED_LOGINS) {
      const [{ locked_until: until }] = await queryReturning<{ locked_until: Date }>(
        manager,
        `UPDATE users SET failed_logins = 0, locked_until = now() + make_interval(mins => $2) WHERE id = $1 RETURNING locked_until`,
        [user.id, LOCKOUT_MINUTES],
      );
      await audit(
        manager,
        ctx,
        'auth.account_locked',
        { type: 'user', id: user.id },
        { failures, lockedUntil: until.toISOString() },
      );
      return LoginException.locked(until);
    }
    await manager.query('UPDATE users SET failed_logins = $2 WHERE id = $1', [user.id, failures]);
    await audit(
      manager,
      ctx,
      failedAction,
      { type: 'user', id: user.id },
      { reason: 'wrong_password', failures },
    );
    return LoginException.invalidCredentials(MAX_FAILED_LOGINS - failures);
  }

  private async issue(
    manager: EntityManager,
    ctx: RequestContext,
    user: UserRow,
    familyId?: string,
  ): Promise<TokenPairResponse> {
    const view = toUserView(user);
    const access = await this.keys.sign({
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      subject: user.id,
      name: user.display_name,
      role: user.role,
      scope: view.scope,
      ttlSeconds: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const refresh = await storeRefreshToken(
      manager,
      ctx,
      user.id,
      familyId,
      this.config.REFRESH_TOKEN_TTL_SECONDS,
    );
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: refresh.token,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role,
        scope: view.scope,
        scopeName: user.scope_name,
        mustChangePassword: user.must_change_password,
      },
    };
  }
}

function scopeLabel(user: UserRow): string {
  return user.organisation_id ? `organisation:${user.organisation_id}` : `region:${user.region_code}`;
}

function settle<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
