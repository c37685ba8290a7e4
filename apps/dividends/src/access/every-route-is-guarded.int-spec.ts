import { describeRoute, listRoutes } from '@fupin/auth';
import { assertEveryRouteGuarded } from '@fupin/auth/testing';
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';

/** Open on purpose: health, metrics, and the public notice board with its chain check. */
const DELIBERATELY_PUBLIC = [
  'GET /health',
  'GET /health/live',
  'GET /metrics',
  'GET /public/chain/verify',
  'GET /public/funds/flows/:id/households',
  'GET /public/funds/sources',
  'GET /public/funds/sources/:id/flows',
  'GET /public/notices',
  'GET /public/notices/:id',
  'POST /public/notices/:id/objections',
];

describe('every route of the dividends service', () => {
  let world: DividendsWorld;
  beforeAll(async () => {
    world = await startDividendsWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('is either public on purpose or limited to roles', () => {
    expect(listRoutes(world.service.app).length).toBeGreaterThan(25);
    assertEveryRouteGuarded(world.service.app);
    const open = listRoutes(world.service.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual(DELIBERATELY_PUBLIC);
  });

  it('answers every guarded route without a token with 401', async () => {
    for (const route of listRoutes(world.service.app).filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:(id|objectionId)/g, '00000000-0000-4000-8000-000000000000');
      const res = await fetch(`${world.service.url}${path}`, { method: route.method });
      expect({ route: describeRoute(route), status: res.status }).toEqual({
        route: describeRoute(route),
        status: 401,
      });
    }
  });
});
