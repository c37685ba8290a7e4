/** Every market route is either public on purpose (health, metrics, trace page, Stripe webhook) or limited to roles. */
import { describeRoute, listRoutes } from '@fupin/auth';
import { assertEveryRouteGuarded } from '@fupin/auth/testing';
import { startMarket, type MarketHarness } from './market-harness';

const DELIBERATELY_PUBLIC = [
  'GET /health',
  'GET /health/live',
  'GET /metrics',
  'GET /trace/:code',
  'POST /payments/stripe/webhook',
];

describe('every route of the market is guarded', () => {
  let h: MarketHarness;
  beforeAll(async () => {
    h = await startMarket();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('has no route without @Roles or @Public, and opens only the routes meant to be open', () => {
    expect(listRoutes(h.service.app).length).toBeGreaterThan(20);
    assertEveryRouteGuarded(h.service.app);
    const open = listRoutes(h.service.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open.filter((r) => !DELIBERATELY_PUBLIC.includes(r))).toEqual([]);
  });

  it('answers every guarded route without a token with 401', async () => {
    for (const route of listRoutes(h.service.app).filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:id/g, '00000000-0000-4000-8000-000000000000');
      const res = await fetch(`${h.service.url}${path}`, { method: route.method });
      expect({ route: describeRoute(route), status: res.status }).toEqual({
        route: describeRoute(route),
        status: 401,
      });
    }
  });

  it('refuses an unsigned webhook', async () => {
    const res = await fetch(`${h.service.url}/payments/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'evt_x', type: 'payment_intent.succeeded' }),
    });
    expect(res.status).toBe(400);
  });
});
