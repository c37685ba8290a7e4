import 'reflect-metadata';
import { connectDataSource, createDataSource, runMigrations } from '@fupin/persistence';
import { loadConfig } from '@fupin/service-kit';
import { migrations } from '../migrations';
import { registryConfigSchema } from '../registry-config';
import { seedDemo } from './seed-demo';

/**
 * `node dist/node/apps/registry/src/demo/main.js`: seeds the demo county into the registry
 * database named by DATABASE_URL (same config as the service) and prints the result as one JSON
 * line on stdout: `{ created, logins, kiosks, sampleCards }`. Safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig('registry', registryConfigSchema, process.env);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    entities: [],
    migrations,
    poolSize: 5,
    applicationName: 'registry-demo-seed',
  });
  await connectDataSource(dataSource, { attempts: config.DATABASE_CONNECT_ATTEMPTS });
  try {
    await runMigrations(dataSource);
    const result = await seedDemo(dataSource, { encryptionKey: config.REGISTRY_ENCRYPTION_KEY });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`registry demo seed: ${message}\n`);
  process.exit(1);
});
