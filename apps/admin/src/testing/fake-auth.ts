import { sendJson } from '@fupin/api-client/testing';
import type { TokenPairResponse } from '@fupin/contracts';
import type { ServerResponse } from 'node:http';
import type { FakeUser } from './fake-registry-data';

/** Access and refresh tokens the fake registry handed out; refresh tokens work once, as in the real one. */
export class FakeTokens {
  private readonly accessTokens = new Map<string, { userId: string; expired: boolean }>();
  private readonly refreshTokens = new Map<string, string>();
  private counter = 0;

  pair(user: FakeUser): TokenPairResponse {
    this.counter += 1;
    const accessToken = `at-${this.counter}-${user.username}`;
    const refreshToken = `rt_${this.counter}_${'x'.repeat(24)}`;
    this.accessTokens.set(accessToken, { userId: user.id, expired: false });
    this.refreshTokens.set(refreshToken, user.id);
    const { password: _pw, active: _a, failures: _f, lockedUntil: _l, ...sessionUser } = user;
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: 900,
      refreshToken,
      refreshExpiresIn: 604800,
      user: sessionUser,
    };
  }

  access(token: string): { userId: string; expired: boolean } | undefined {
    return this.accessTokens.get(token);
  }

  /** The user of a refresh token, which is used up by asking. */
  takeRefresh(token: string): string | undefined {
    const userId = this.refreshTokens.get(token);
    this.refreshTokens.delete(token);
    return userId;
  }

  expireAll(): void {
    for (const session of this.accessTokens.values()) session.expired = true;
  }
}

/** `POST /auth/login` as the registry answers it: attempts left, a lock after five, disabled accounts. */
export function answerLogin(
  users: FakeUser[],
  tokens: FakeTokens,
  input: Record<string, unknown>,
  response: ServerResponse,
): void {
  const user = users.find((u) => u.username === input['username']);
  if (!user)
    return sendJson(response, 401, {
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误 / Wrong username or password',
    });
  if (user.lockedUntil) {
    return sendJson(response, 423, {
      code: 'ACCOUNT_LOCKED',
      message: '账户已锁定 / Locked',
      details: { lockedUntil: user.lockedUntil },
    });
  }
  if (user.password !== input['password']) {
    user.failures += 1;
    if (user.failures >= 5) {
      user.lockedUntil = '2020-06-30T08:15:00.000Z';
      return sendJson(response, 423, {
        code: 'ACCOUNT_LOCKED',
        message: '账户已锁定 / Locked',
        details: { lockedUntil: user.lockedUntil },
      });
    }
    return sendJson(response, 401, {
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误 / Wrong username or password',
      details: { attemptsLeft: 5 - user.failures },
    });
  }
  if (!user.active)
    return sendJson(response, 403, { code: 'ACCOUNT_DISABLED', message: '账户已停用 / Disabled' });
  user.failures = 0;
  sendJson(response, 200, tokens.pair(user));
}
