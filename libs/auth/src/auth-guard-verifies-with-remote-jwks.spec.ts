import type { INestApplication } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestTokenIssuer, startAuthTestApp, type TestTokenIssuer } from './testing';

/** A stand-in for the registry's `GET /auth/jwks.json`, counting how often it is asked. */
async function serveJwks(jwks: unknown): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api/registry/auth/jwks.json`, hits: () => hits };
}

describe('a service verifying tokens with the registry JWKS over HTTP', () => {
  let issuer: TestTokenIssuer;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    issuer = await createTestTokenIssuer();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startAuthTestApp({
      jwksUrl: jwks.url,
      issuer: issuer.issuer,
      audience: issuer.audience,
    }));
  });
  afterAll(async () => {
    await app?.close();
    jwks?.server.close();
  });

  it('accepts tokens signed by the registry key and fetches the keys once, then caches them', async () => {
    for (let i = 0; i < 3; i++) {
      const token = await issuer.mint({ role: 'auditor', scope: { kind: 'region', code: '411322' } });
      const res = await fetch(`${url}/probe/county`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    }
    expect(jwks.hits()).toBe(1);
  });

  it('refuses a token whose key the JWKS does not hold', async () => {
    const other = await createTestTokenIssuer();
    const token = await other.mint({ role: 'auditor', scope: { kind: 'region', code: '411322' } });
    const res = await fetch(`${url}/probe/county`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('answers 503, not 401, when the registry cannot be reached for keys', async () => {
    const down = await startAuthTestApp({
      jwksUrl: 'http://127.0.0.1:1/api/registry/auth/jwks.json',
      issuer: issuer.issuer,
      audience: issuer.audience,
    });
    try {
      const token = await issuer.mint({ role: 'auditor', scope: { kind: 'region', code: '411322' } });
      const res = await fetch(`${down.url}/probe/county`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(503);
      expect((await res.json()).code).toBe('AUTH_UNAVAILABLE');
    } finally {
      await down.app.close();
    }
  });
});
