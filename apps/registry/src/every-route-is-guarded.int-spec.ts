import { Controller, Get, Module } from '@nestjs/common';
import { describeRoute, findAmbiguousRoutes, findUnguardedRoutes, listRoutes } from '@fupin/auth';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import type { RegistryConfig } from './registry-config';
import { registryService } from './registry.service';

/** Routes that are open on purpose; anything else public is a mistake. */
const DELIBERATELY_PUBLIC = [
  'GET /auth/jwks.json',
  'GET /auth/kiosk/device',
  'GET /health',
  'GET /health/live',
  'GET /metrics',
  'POST /auth/household/sign-in',
  'POST /auth/kiosk/sign-in',
  'POST /auth/login',
  'POST /auth/logout',
  'POST /auth/refresh',
];

@Controller('forgotten')
class ForgottenController {
  @Get()
  leak() {
    return { secret: true };
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('every route of the registry is either public on purpose or limited to roles', () => {
  let service: ServiceUnderTest<RegistryConfig>;
  beforeAll(async () => {
    service = await startServiceForTest(registryService);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('has no route without @Roles or @Public', () => {
    expect(listRoutes(service.app).length).toBeGreaterThan(40);
    expect(findUnguardedRoutes(service.app).map(describeRoute)).toEqual([]);
    expect(findAmbiguousRoutes(service.app).map(describeRoute)).toEqual([]);
  });

  it('opens only the routes meant to be open', () => {
    const open = listRoutes(service.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open.filter((r) => !DELIBERATELY_PUBLIC.includes(r))).toEqual([]);
  });

  it('answers every guarded route without a token with 401', async () => {
    for (const route of listRoutes(service.app).filter((r) => !r.isPublic)) {
      const path = route.path
        .replace(/:id/g, '00000000-0000-4000-8000-000000000000')
        .replace(/:code/g, '411322');
      const res = await fetch(`${service.url}${path}`, { method: route.method });
      expect({ route: describeRoute(route), status: res.status }).toEqual({
        route: describeRoute(route),
        status: 401,
      });
    }
  });
});

describe('the route check itself', () => {
  it('fails when a module adds a route with neither @Roles nor @Public — and the guard refuses that route', async () => {
    const leaky = await startServiceForTest({
      ...registryService,
      modules: (ctx) => [...registryService.modules(ctx), ForgottenModule],
    });
    try {
      expect(findUnguardedRoutes(leaky.app).map(describeRoute)).toEqual([
        'GET /forgotten (ForgottenController.leak)',
      ]);
      expect((await fetch(`${leaky.url}/forgotten`)).status).toBe(401);
    } finally {
      await leaky.stop();
    }
  });
});
