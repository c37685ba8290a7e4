import { DynamicModule, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, ModulesContainer } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { AuthGuard } from './auth.guard';
import { describeRoute, findUnguardedRoutes } from './route-listing';
import { TokenVerifier } from './token-verifier';

/**
 * Token verification and the global auth guard for one service.
 *
 * @example
 * // any service but the registry: keys from the registry's JWKS, fetched and cached
 * AuthModule.forRoot({ jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE })
 */
@Module({})
export class AuthModule implements OnApplicationBootstrap {
  constructor(private readonly modules: ModulesContainer) {}

  /** The guard refuses such routes anyway (fail closed); this says which ones, at start-up. */
  onApplicationBootstrap(): void {
    const holes = findUnguardedRoutes(this.modules);
    if (holes.length > 0) {
      new Logger('AuthModule').error(
        `routes with neither @Public() nor @Roles() (refused to everyone): ${holes.map(describeRoute).join(', ')}`,
      );
    }
  }

  static forRoot(options: AuthModuleOptions): DynamicModule {
    if (!options.jwksUrl && !options.keyProvider)
      throw new Error('AuthModule.forRoot needs jwksUrl or keyProvider');
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(options) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_OPTIONS, TokenVerifier],
    };
  }
}
