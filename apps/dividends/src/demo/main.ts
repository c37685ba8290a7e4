import 'reflect-metadata';
import { connectDataSource, createDataSource } from '@fupin/persistence';
import { loadConfig } from '@fupin/service-kit';
import { z } from 'zod';
import { dividendsConfigSchema } from '../dividends.service';
import { signIn } from './demo-http';
import { seedDividendsDemo, waitForReadModels } from './seed-dividends-demo';

/** What the stack hands a demo seeder besides the service's own config. */
const demoEnvSchema = z.object({
  DEMO_REGISTRY: z.string().transform((text) =>
    z
      .object({
        logins: z.array(z.object({ username: z.string(), password: z.string() })),
      })
      .parse(JSON.parse(text)),
  ),
  DEMO_SERVICE_URLS: z
    .string()
    .transform((text) => z.object({ registry: z.string(), dividends: z.string() }).parse(JSON.parse(text))),
  /** Households the registry's demo county has (6 villages × 50). */
  DEMO_HOUSEHOLDS: z.coerce.number().int().min(0).default(300),
});

/**
 * `node dist/node/apps/dividends/src/demo/main.js`, run by the stack after the registry's demo
 * seed: waits until the registry's organisations and households have reached this service, then
 * seeds the demo cooperative and PV station through the service's API and prints one JSON line
 * `{ created, cooperative, pvStation, incomeDeclarations }`. Safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig('dividends', dividendsConfigSchema, process.env);
  const demo = demoEnvSchema.parse(process.env);
  const password = (username: string) => {
    const login = demo.DEMO_REGISTRY.logins.find((l) => l.username === username);
    if (!login) throw new Error(`the registry demo has no login ${username}`);
    return login.password;
  };
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    entities: [],
    migrations: [],
    poolSize: 2,
    applicationName: 'dividends-demo-seed',
  });
  await connectDataSource(dataSource, { attempts: config.DATABASE_CONNECT_ATTEMPTS });
  try {
    await waitForReadModels(dataSource, demo.DEMO_HOUSEHOLDS);
    const urls = demo.DEMO_SERVICE_URLS;
    const result = await seedDividendsDemo(dataSource, {
      cooperative: await signIn(urls.registry, urls.dividends, 'guangrong-acct', password('guangrong-acct')),
      pv: await signIn(urls.registry, urls.dividends, 'dushu-admin', password('dushu-admin')),
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`dividends demo seed: ${message}\n`);
  process.exit(1);
});
