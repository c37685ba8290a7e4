import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TOPICS } from '@fupin/contracts';
import { MessagingRuntime } from '@fupin/messaging';
import { connectDataSource, createDataSource, runMigrations } from '@fupin/persistence';
import { Logger } from 'nestjs-pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { z } from 'zod';
import { BaseConfig, loadConfig } from '../config/service-config';
import { diagnosticsConsumer } from '../diagnostics/diagnostics.service';
import { ServiceCoreModule } from './core.module';
import { ServiceDefinition } from './service-definition';

/** A started service: the Nest app, the port it listens on and its validated config. */
export interface StartedService<C> {
  app: INestApplication;
  port: number;
  url: string;
  config: C;
}

/**
 * Starts one service: validates config, connects its database (one clear line when it cannot),
 * applies migrations, then serves `/api/<name>` with OpenAPI docs at `/api/<name>/docs`.
 */
export async function startService<S extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<S>,
  env: Record<string, string | undefined> = process.env,
): Promise<StartedService<z.infer<S>>> {
  const config = loadConfig(definition.name, definition.configSchema, env);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: definition.name,
  });
  await connectDataSource(dataSource, { attempts: config.DATABASE_CONNECT_ATTEMPTS });
  let app: NestExpressApplication | undefined;
  try {
    if (config.RUN_MIGRATIONS) await runMigrations(dataSource);
    const context = { config, dataSource };
    const registry = new Registry();
    registry.setDefaultLabels({ service: definition.name });
    collectDefaultMetrics({ register: registry });
    const messaging = new MessagingRuntime({
      service: definition.name,
      dataSource,
      brokers: config.KAFKA_BROKERS,
      // Every service answers pings: the end-to-end check that its messaging works.
      consumers: [diagnosticsConsumer(definition.name), ...(definition.consumers?.(context) ?? [])],
      topics: [TOPICS.platformTest, ...(definition.producedTopics ?? [])],
      topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
      consumerSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      registry,
    });

    @Module({
      imports: [
        ServiceCoreModule.forRoot(
          definition.name,
          config,
          dataSource,
          messaging,
          registry,
          definition.ownAuth,
        ),
        ...definition.modules(context),
      ],
    })
    class ServiceRootModule {}

    app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, {
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(Logger));
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    app.useBodyParser('json', { limit: '2mb' });
    app.setGlobalPrefix(`api/${definition.name}`);
    app.enableShutdownHooks();

    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(definition.title)
        .setDescription(definition.description)
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup(`api/${definition.name}/docs`, app, document, {
      jsonDocumentUrl: `api/${definition.name}/docs-json`,
    });

    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    return { app, port, url: `http://${config.HOST}:${port}/api/${definition.name}`, config };
  } catch (error) {
    if (app) await app.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * Entry point used by each service's `main.ts`: any start-up failure is printed as one line
 * (`registry: cannot connect to database …`) and the process exits with status 1.
 */
export function runServiceMain<S extends z.ZodType<BaseConfig>>(definition: ServiceDefinition<S>): void {
  startService(definition).then(
    ({ app, url }) => {
      // Started by the launcher with an IPC channel: when the launcher dies, so do we.
      if (process.send) process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
      process.stdout.write(
        `${JSON.stringify({ level: 30, time: Date.now(), name: definition.name, msg: `listening on ${url}` })}\n`,
      );
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`${definition.name}: ${message}\n`);
      process.exit(1);
    },
  );
}
