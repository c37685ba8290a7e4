import type { INestApplication } from '@nestjs/common';
import type { PrincipalScope } from '@fupin/contracts';
import { createTestTokenIssuer, startAuthTestApp, type TestTokenIssuer } from './testing';

const county: PrincipalScope = { kind: 'region', code: '411322' };

describe('the auth guard, with real ES256 tokens', () => {
  let issuer: TestTokenIssuer;
  let stranger: TestTokenIssuer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    issuer = await createTestTokenIssuer();
    stranger = await createTestTokenIssuer({ kid: issuer.kid });
    ({ app, url } = await startAuthTestApp({
      keyProvider: issuer.keyProvider,
      issuer: issuer.issuer,
      audience: issuer.audience,
    }));
  });
  afterAll(async () => {
    await app?.close();
  });

  async function call(path: string, token?: string, method = 'GET') {
    const res = await fetch(`${url}/probe/${path}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('lets anyone reach a @Public() route', async () => {
    expect(await call('open')).toEqual({ status: 200, body: { open: true } });
  });

  it('answers a request without a token with 401 UNAUTHENTICATED', async () => {
    const res = await call('county');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a valid token and hands the principal to the handler', async () => {
    const token = await issuer.mint({ sub: 'u-1', role: 'county_admin', scope: county });
    expect(await call('county', token)).toEqual({
      status: 200,
      body: { id: 'u-1', role: 'county_admin', scope: county },
    });
  });

  it('refuses an expired token with 401', async () => {
    const token = await issuer.mint({ role: 'county_admin', scope: county, expiresInSeconds: -30 });
    const res = await call('county', token);
    expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(res.body.message).toMatch(/expired/);
  });

  it('refuses a token signed with another key, even under the same kid', async () => {
    const token = await stranger.mint({ role: 'county_admin', scope: county });
    expect(await call('county', token)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const wrongAudience = await issuer.mint({
      role: 'county_admin',
      scope: county,
      audience: 'someone-else',
    });
    const wrongIssuer = await issuer.mint({ role: 'county_admin', scope: county, issuer: 'evil-registry' });
    expect((await call('county', wrongAudience)).status).toBe(401);
    expect((await call('county', wrongIssuer)).status).toBe(401);
  });

  it('refuses a tampered token whose payload was changed after signing', async () => {
    const token = await issuer.mint({
      role: 'village_admin',
      scope: { kind: 'region', code: '411322104201' },
    });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'county_admin', scope: county })).toString(
      'base64url',
    );
    expect((await call('county', `${header}.${forged}.${signature}`)).status).toBe(401);
  });

  it('refuses an unsigned token (alg none) and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from(
      JSON.stringify({
        sub: 'x',
        name: 'x',
        role: 'county_admin',
        scope: county,
        iss: issuer.issuer,
        aud: issuer.audience,
        iat: now,
        exp: now + 60,
        jti: 'j',
      }),
    ).toString('base64url');
    expect((await call('county', `${header}.${body}.`)).status).toBe(401);
    expect((await call('county', 'not-a-token')).status).toBe(401);
  });

  it('refuses a validly signed token whose claims break the contract (unknown role)', async () => {
    const token = await issuer.mint({ role: 'root' as never, scope: county });
    expect((await call('county', token)).status).toBe(401);
  });

  it('answers a role the route does not list with 403 FORBIDDEN', async () => {
    const token = await issuer.mint({
      role: 'village_admin',
      scope: { kind: 'region', code: '411322104201' },
    });
    expect(await call('county', token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('refuses everyone on a route that declares no roles (fail closed)', async () => {
    const token = await issuer.mint({ role: 'county_admin', scope: county });
    expect(await call('forgotten', token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('lets auditors read but not write, unless the route allows it', async () => {
    const token = await issuer.mint({ role: 'auditor', scope: county });
    expect((await call('county', token)).status).toBe(200);
    expect(await call('county', token, 'POST')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await call('own-password', token, 'POST')).status).toBe(201);
    const admin = await issuer.mint({ role: 'county_admin', scope: county });
    expect((await call('county', admin, 'POST')).status).toBe(201);
  });
});
