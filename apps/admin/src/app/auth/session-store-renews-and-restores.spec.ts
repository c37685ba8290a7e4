import { sendJson, startStubServer, unreachableUrl, type StubServer } from '@fupin/api-client/testing';
import type { TokenPairResponse } from '@fupin/contracts';
import { memoryStorage } from '../../testing/render-admin';
import { REFRESH_TOKEN_KEY, SessionStore } from './session-store';

/** A registry that hands out a rotated pair for every refresh, with a short-lived access token. */
async function tokenServer(expiresIn = 900): Promise<StubServer> {
  let issued = 0;
  return startStubServer((request, response) => {
    issued += 1;
    const pair: TokenPairResponse = {
      tokenType: 'Bearer',
      accessToken: `at-${issued}`,
      expiresIn,
      refreshToken: `rt_${issued}_${'x'.repeat(24)}`,
      refreshExpiresIn: 604800,
      user: {
        id: 'u-1',
        username: 'fc-admin',
        displayName: '县扶贫办 刘志强',
        role: 'county_admin',
        scope: { kind: 'region', code: '411322' },
        scopeName: '方城县',
        mustChangePassword: false,
      },
    };
    if (
      request.url.endsWith('/refresh') &&
      JSON.parse(request.body).refreshToken === 'rt_revoked_xxxxxxxxxxxxxxxxxx'
    ) {
      return sendJson(response, 401, {
        code: 'REFRESH_TOKEN_INVALID',
        message: '登录已失效 / Session ended',
      });
    }
    sendJson(response, 200, pair);
  });
}

describe('SessionStore', () => {
  let server: StubServer;
  let store: SessionStore | undefined;

  afterEach(async () => {
    store?.dispose();
    await server?.close();
  });

  it('exchanges a kept refresh token once, however often restore is called (StrictMode mounts twice)', async () => {
    server = await tokenServer();
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'rt_kept_xxxxxxxxxxxxxxxxxxxxxx' });
    store = new SessionStore({ baseUrl: server.url, storage });
    expect(store.getSnapshot().status).toBe('restoring');
    await Promise.all([store.restore(), store.restore()]);
    expect(server.requests).toHaveLength(1);
    expect(store.getSnapshot()).toMatchObject({ status: 'signed-in', user: { username: 'fc-admin' } });
    expect(store.getToken()).toBe('at-1');
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toBe('rt_1_xxxxxxxxxxxxxxxxxxxxxxxx');
  });

  it('renews the access token by itself shortly before it expires, rotating the refresh token', async () => {
    server = await tokenServer(2);
    const storage = memoryStorage();
    store = new SessionStore({ baseUrl: server.url, storage, refreshMarginMs: 1_000 });
    await store.login('fc-admin', 'Fupin@2020demo');
    expect(store.getToken()).toBe('at-1');
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/registry/auth/login',
      '/api/registry/auth/refresh',
    ]);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ refreshToken: 'rt_1_xxxxxxxxxxxxxxxxxxxxxxxx' });
    expect(store.getToken()).toBe('at-2');
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toBe('rt_2_xxxxxxxxxxxxxxxxxxxxxxxx');
  });

  it('ends the session when the registry refuses the refresh token', async () => {
    server = await tokenServer();
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'rt_revoked_xxxxxxxxxxxxxxxxxx' });
    store = new SessionStore({ baseUrl: server.url, storage });
    await store.restore();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', user: null, reason: 'expired' });
    expect(storage.values.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  it('keeps the refresh token when the registry cannot be reached, and can try again', async () => {
    server = await tokenServer();
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'rt_kept_xxxxxxxxxxxxxxxxxxxxxx' });
    store = new SessionStore({ baseUrl: await unreachableUrl(), storage });
    await store.restore();
    expect(store.getSnapshot().status).toBe('unreachable');
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toBe('rt_kept_xxxxxxxxxxxxxxxxxxxxxx');
  });
});
