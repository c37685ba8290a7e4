import { signAccessToken } from '@fupin/auth';
import type { TokenPairResponse } from '@fupin/contracts';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { CODES, PASSWORD, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';
import { SigningKeyStore } from './signing-key-store';

describe('staff sign-in: passwords, lockout, tokens', () => {
  let world: RegistryWorld;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const login = (username: string, password: string) =>
    world.call<TokenPairResponse & { code?: string; details?: { attemptsLeft?: number } }>(
      'POST',
      '/auth/login',
      { body: { username, password } },
    );

  it('logs in with a 15-minute ES256 token that the published JWKS verifies, carrying role and scope', async () => {
    const res = await login('town-a', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: {
        role: 'town_admin',
        scope: { kind: 'region', code: CODES.townA },
        scopeName: '方城县 / 独树镇',
      },
    });
    const jwks = await world.call<{ keys: [] }>('GET', '/auth/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('cache-control')).toContain('max-age');
    const { payload, protectedHeader } = await jwtVerify(res.body.accessToken, createLocalJWKSet(jwks.body), {
      issuer: 'fupin-registry',
      audience: 'fupin-platform',
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      name: 'town-a',
      role: 'town_admin',
      scope: { kind: 'region', code: CODES.townA },
    });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(typeof payload.jti).toBe('string');
    const me = await world.call('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ role: 'town_admin', name: 'town-a' });
  });

  it('answers a missing, expired, tampered or foreign token with 401', async () => {
    expect(await world.call('GET', '/auth/me')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    const keys = world.service.app.get(SigningKeyStore);
    const claims = {
      issuer: 'fupin-registry',
      audience: 'fupin-platform',
      subject: 'x',
      name: 'x',
      role: 'county_admin' as const,
      scope: { kind: 'region' as const, code: CODES.county },
    };
    const expired = await keys.sign({
      ...claims,
      ttlSeconds: 60,
      issuedAt: new Date(Date.now() - 3_600_000),
    });
    expect(await world.call('GET', '/households', { token: expired.token })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });

    const valid = await world.token('village-a1');
    const [header, payload, signature] = valid.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.role = 'county_admin';
    forged.scope = { kind: 'region', code: CODES.county };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect((await world.call('GET', '/households', { token: tampered })).status).toBe(401);

    const foreignKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
    const foreign = await signAccessToken({ ...claims, privateKey: foreignKey, kid, ttlSeconds: 600 });
    expect((await world.call('GET', '/households', { token: foreign.token })).status).toBe(401);
    const wrongAudience = await keys.sign({ ...claims, audience: 'another-platform', ttlSeconds: 600 });
    expect((await world.call('GET', '/households', { token: wrongAudience.token })).status).toBe(401);
  });

  it('locks a user for 15 minutes after 5 wrong passwords, refusing even the right one, until an administrator unlocks', async () => {
    const left: Array<number | undefined> = [];
    for (let i = 0; i < 4; i++) {
      const res = await login('village-a2', 'wrong-password-1');
      expect(res).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
      left.push(res.body.details?.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await login('village-a2', 'wrong-password-1');
    expect(fifth).toMatchObject({ status: 423, body: { code: 'ACCOUNT_LOCKED' } });
    expect(await login('village-a2', PASSWORD)).toMatchObject({
      status: 423,
      body: { code: 'ACCOUNT_LOCKED' },
    });
    const [row] = await world.dataSource.query(
      `SELECT locked_until - now() AS remaining FROM users WHERE username = 'village-a2'`,
    );
    expect(row.remaining.minutes).toBeGreaterThanOrEqual(14);
    expect(await world.count('audit_log', "action = 'auth.account_locked'")).toBe(1);

    const users = await world.call<{ items: Array<{ id: string; username: string; locked: boolean }> }>(
      'GET',
      '/users?q=village-a2',
      { token: await world.token('town-a') },
    );
    const target = users.body.items.find((u) => u.username === 'village-a2')!;
    expect(target.locked).toBe(true);
    expect(
      (await world.call('POST', `/users/${target.id}/unlock`, { token: await world.token('town-a') })).status,
    ).toBe(200);
    expect((await login('village-a2', PASSWORD)).status).toBe(200);
  });

  it('answers an unknown user like a wrong password', async () => {
    expect(await login('nobody-here', PASSWORD)).toMatchObject({
      status: 401,
      body: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('rotates refresh tokens on use; reusing an old one ends the whole session; logout ends it too', async () => {
    const first = (await login('village-b1', PASSWORD)).body;
    const second = await world.call<TokenPairResponse>('POST', '/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const reused = await world.call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reused).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    expect(
      (await world.call('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } }))
        .status,
    ).toBe(401);
    expect(await world.count('refresh_tokens', 'token_hash ~ $1', ['^[0-9a-f]{64}$'])).toBe(
      await world.count('refresh_tokens'),
    );

    const other = (await login('village-b1', PASSWORD)).body;
    expect(
      (await world.call('POST', '/auth/logout', { body: { refreshToken: other.refreshToken } })).status,
    ).toBe(204);
    expect(
      (await world.call('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } })).status,
    ).toBe(401);
  });

  it('changes a password only with the current one and a strong new one, ending other sessions', async () => {
    const session = (await login('keeper-b1', PASSWORD)).body;
    const token = session.accessToken;
    const change = (currentPassword: string, newPassword: string) =>
      world.call<TokenPairResponse & { code?: string }>('POST', '/auth/password', {
        token,
        body: { currentPassword, newPassword },
      });
    expect((await change('not-my-password', 'Another-pass-2025')).body.code).toBe('CURRENT_PASSWORD_WRONG');
    expect((await change(PASSWORD, 'short1')).body.code).toBe('WEAK_PASSWORD');
    expect((await change(PASSWORD, 'onlyletterslong')).body.code).toBe('WEAK_PASSWORD');
    expect((await change(PASSWORD, 'keeper-b1-2025x')).body.code).toBe('WEAK_PASSWORD');
    const ok = await change(PASSWORD, 'Another-pass-2025');
    expect(ok.status).toBe(200);
    expect(
      (await world.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    expect((await login('keeper-b1', PASSWORD)).status).toBe(401);
    expect((await login('keeper-b1', 'Another-pass-2025')).status).toBe(200);
  });

  it('lets an auditor change their own password but nothing else', async () => {
    const token = await world.token('auditor');
    expect(
      (await world.call('POST', '/regions', { token, body: { code: '411322104299', name: '新村' } })).status,
    ).toBe(403);
    const res = await world.call('POST', '/auth/password', {
      token,
      body: { currentPassword: PASSWORD, newPassword: 'Reader-pass-2025' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a disabled user at login and at refresh', async () => {
    const session = (await login('buyer', PASSWORD)).body;
    const county = await world.token('county');
    const disabled = await world.call('POST', `/users/${session.user.id}/disable`, { token: county });
    expect(disabled).toMatchObject({ status: 200, body: { active: false } });
    expect(await login('buyer', PASSWORD)).toMatchObject({ status: 403, body: { code: 'ACCOUNT_DISABLED' } });
    expect(
      (await world.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
  });

  it('rotates the signing key; tokens signed with the old key stay valid and both keys are published', async () => {
    const county = await world.token('county');
    const before = await world.token('town-b');
    const rotated = await world.call<{ kid: string; retired: string[] }>('POST', '/auth/keys/rotate', {
      token: county,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.retired).toHaveLength(1);
    const jwks = await world.call<{ keys: Array<{ kid: string }> }>('GET', '/auth/jwks.json');
    expect(jwks.body.keys.map((k) => k.kid)).toEqual(
      expect.arrayContaining([rotated.body.kid, ...rotated.body.retired]),
    );
    expect((await world.call('GET', '/auth/me', { token: before })).status).toBe(200);
    const fresh = (await login('town-b', PASSWORD)).body.accessToken;
    expect(JSON.parse(Buffer.from(fresh.split('.')[0], 'base64url').toString()).kid).toBe(rotated.body.kid);
    expect(
      (await world.call('POST', '/auth/keys/rotate', { token: await world.token('town-a') })).status,
    ).toBe(403);
  });
});
