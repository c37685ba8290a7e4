import { Controller, Get, INestApplication, Post } from '@nestjs/common';
import { Roles } from './roles.decorator';
import { Public } from './public.decorator';
import {
  assertEveryRouteGuarded,
  createTestTokenIssuer,
  describeRoute,
  findUnguardedRoutes,
  listRoutes,
  ProbeController,
  startAuthTestApp,
} from './testing';

@Controller('guarded')
@Roles('county_admin')
class ClassGuardedController {
  @Get()
  list() {
    return [];
  }

  @Post(':id/open')
  @Public()
  open() {
    return {};
  }
}

describe('the route listing', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const issuer = await createTestTokenIssuer();
    ({ app } = await startAuthTestApp(
      { keyProvider: issuer.keyProvider, issuer: issuer.issuer, audience: issuer.audience },
      [ProbeController, ClassGuardedController],
    ));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every route with its roles, taking controller-level roles into account', () => {
    const routes = listRoutes(app).map(
      (r) => `${r.method} ${r.path} ${r.isPublic ? 'public' : r.roles.join(',')}`,
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /guarded county_admin',
        'POST /guarded/:id/open public',
        'GET /probe/open public',
        'GET /probe/county county_admin,auditor',
      ]),
    );
  });

  it('fails on a route that is neither public nor role-guarded', () => {
    expect(() => assertEveryRouteGuarded(app)).toThrow(
      'routes with neither @Public() nor @Roles(): GET /probe/forgotten (ProbeController.forgotten)',
    );
    expect(findUnguardedRoutes(app).map(describeRoute)).toEqual([
      'GET /probe/forgotten (ProbeController.forgotten)',
    ]);
  });
});
