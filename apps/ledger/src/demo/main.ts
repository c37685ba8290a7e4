import 'reflect-metadata';
import { connectDataSource, createDataSource, runMigrations } from '@fupin/persistence';
import { loadConfig } from '@fupin/service-kit';
import { z } from 'zod';
import { ledgerConfigSchema } from '../ledger-config';
import { migrations } from '../migrations';
import { seedLedgerDemo } from './seed-ledger-demo';

/** DEMO_REGISTRY: the registry's demo seed result, handed over by tools/dev/stack.mjs. */
const demoEnvSchema = z.object({
  DEMO_REGISTRY: z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(
      z.object({
        kiosks: z.array(z.object({ storeName: z.string(), kioskId: z.string(), credential: z.string() })),
        sampleCards: z.array(
          z.object({
            cardNumber: z.string(),
            pin: z.string(),
            householdHead: z.string(),
            village: z.string(),
          }),
        ),
      }),
    ),
});

/**
 * `node dist/node/apps/ledger/src/demo/main.js`: after the registry's demo seed, gives the demo
 * villages a points standard, stocked love supermarkets and last month's approved awards, in the
 * ledger database named by DATABASE_URL; prints one JSON line `{ created, period, stores,
 * sampleBalances }`. Safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig('ledger', ledgerConfigSchema, process.env);
  const { DEMO_REGISTRY: registry } = loadConfig('ledger demo', demoEnvSchema, process.env);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    entities: [],
    migrations,
    poolSize: 3,
    applicationName: 'ledger-demo-seed',
  });
  await connectDataSource(dataSource, { attempts: config.DATABASE_CONNECT_ATTEMPTS });
  try {
    await runMigrations(dataSource);
    const result = await seedLedgerDemo(dataSource, config, registry);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`ledger demo seed: ${message}\n`);
  process.exit(1);
});
