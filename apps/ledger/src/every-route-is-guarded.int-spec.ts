import { describeRoute, findAmbiguousRoutes, findUnguardedRoutes, listRoutes } from '@fupin/auth';
import { assertEveryRouteGuarded } from '@fupin/auth/testing';
import { startLedgerWorld, type LedgerWorld } from './testing/ledger-world';

/** Routes that are open on purpose; anything else public is a mistake. */
const DELIBERATELY_PUBLIC = ['GET /health', 'GET /health/live', 'GET /metrics', 'GET /public/notices/:token'];

describe('every route of the ledger is either public on purpose or limited to roles', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await startLedgerWorld();
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('has no route without @Roles or @Public', () => {
    expect(listRoutes(w.service.app).length).toBeGreaterThan(25);
    expect(findUnguardedRoutes(w.service.app).map(describeRoute)).toEqual([]);
    expect(findAmbiguousRoutes(w.service.app).map(describeRoute)).toEqual([]);
    assertEveryRouteGuarded(w.service.app);
  });

  it('opens only the routes meant to be open', () => {
    const open = listRoutes(w.service.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`);
    expect(open.filter((r) => !DELIBERATELY_PUBLIC.includes(r))).toEqual([]);
  });

  it('answers every guarded route without a token with 401', async () => {
    for (const route of listRoutes(w.service.app).filter((r) => !r.isPublic)) {
      const path = route.path
        .replace(/:(id|objectionId)/g, '00000000-0000-4000-8000-000000000000')
        .replace(/:code/g, '411322104201');
      const res = await fetch(`${w.service.url}${path}`, { method: route.method });
      expect({ route: describeRoute(route), status: res.status }).toEqual({
        route: describeRoute(route),
        status: 401,
      });
    }
  });
});
