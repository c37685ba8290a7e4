import { Controller, Get, INestApplication, Module, Post, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '../auth.module';
import type { AuthModuleOptions } from '../auth.options';
import { CurrentPrincipal } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { Public } from '../public.decorator';
import { AuditorMayWrite, Authenticated, Roles } from '../roles.decorator';

/** A controller with one route of each kind the guard distinguishes; used by the guard's own tests. */
@Controller('probe')
export class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('county')
  @Roles('county_admin', 'auditor')
  county(@CurrentPrincipal() principal: Principal) {
    return { id: principal.id, role: principal.role, scope: principal.scope };
  }

  @Post('county')
  @Roles('county_admin', 'auditor')
  writeCounty() {
    return { written: true };
  }

  @Post('own-password')
  @Authenticated()
  @AuditorMayWrite()
  ownPassword() {
    return { changed: true };
  }

  @Get('forgotten')
  forgotten() {
    return { reachable: true };
  }
}

/** Starts a real HTTP Nest app with the auth module and the given controllers on a free port. */
export async function startAuthTestApp(
  options: AuthModuleOptions,
  controllers: Type[] = [ProbeController],
): Promise<{ app: INestApplication; url: string }> {
  @Module({ imports: [AuthModule.forRoot(options)], controllers })
  class TestRootModule {}
  const app = await NestFactory.create(TestRootModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
