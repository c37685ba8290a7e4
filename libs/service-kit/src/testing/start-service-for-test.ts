import { createTestDatabase, TestDatabase } from '@fupin/persistence/testing';
import { z } from 'zod';
import { BaseConfig } from '../config/service-config';
import { ServiceDefinition } from '../bootstrap/service-definition';
import { startService, StartedService } from '../bootstrap/start-service';

/** A service started on a fresh database and a free port, for an integration suite. */
export interface ServiceUnderTest<C> extends StartedService<C> {
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Starts the real service (real HTTP server, real PostgreSQL, its real migrations) the way
 * `main.ts` does, on a database of its own; `stop()` closes it and drops the database.
 */
export async function startServiceForTest<S extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<S>,
  env: Record<string, string> = {},
): Promise<ServiceUnderTest<z.infer<S>>> {
  const database = await createTestDatabase(definition.name);
  const started = await startService(definition, {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    ...env,
  });
  return {
    ...started,
    database,
    async stop() {
      await started.app.close();
      await database.drop();
    },
  };
}
