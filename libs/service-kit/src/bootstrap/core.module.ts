import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AuthModule } from '@fupin/auth';
import { MessagingRuntime } from '@fupin/messaging';
import { LoggerModule } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { BaseConfig } from '../config/service-config';
import { DatabaseModule } from '../database/database.module';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { DatabaseHealthIndicator } from '../health/database.health';
import { DiagnosticsController } from '../diagnostics/diagnostics.controller';
import { DiagnosticsService } from '../diagnostics/diagnostics.service';
import { HealthController } from '../health/health.controller';
import { DeadLettersController } from '../messaging-admin/dead-letters.controller';
import { METRICS_REGISTRY, MetricsController } from '../metrics/metrics.controller';

/** Injection token for the service's validated config object. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Starts the relay and consumers once the app is up; stops them before the database closes. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(MessagingRuntime) private readonly runtime: MessagingRuntime) {}

  onApplicationBootstrap(): void {
    this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/**
 * What every service shares: JSON logs with request ids, the database, health checks and the
 * error filter. Imported once by each service's root module.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot(
    name: string,
    config: BaseConfig,
    dataSource: DataSource,
    messaging: MessagingRuntime,
    registry: Registry,
    ownAuth = false,
  ): DynamicModule {
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            name,
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-kiosk-credential"]'],
            autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').includes('/health') },
          },
          // Express 5 route syntax; the library's default '*' is the legacy form and warns.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        DatabaseModule.forDataSource(dataSource),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        // Every route is guarded unless marked @Public(); the registry registers its own (it signs).
        ...(ownAuth
          ? []
          : [
              AuthModule.forRoot({
                jwksUrl: config.AUTH_JWKS_URL,
                issuer: config.AUTH_ISSUER,
                audience: config.AUTH_AUDIENCE,
              }),
            ]),
      ],
      controllers: [HealthController, MetricsController, DeadLettersController, DiagnosticsController],
      providers: [
        DatabaseHealthIndicator,
        MessagingLifecycle,
        { provide: MessagingRuntime, useValue: messaging },
        { provide: METRICS_REGISTRY, useValue: registry },
        { provide: DiagnosticsService, useFactory: () => new DiagnosticsService(dataSource, name) },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [SERVICE_CONFIG, MessagingRuntime, METRICS_REGISTRY],
    };
  }
}
