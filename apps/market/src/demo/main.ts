import 'reflect-metadata';
import { type TokenPairResponse } from '@fupin/contracts';
import { connectDataSource, createDataSource } from '@fupin/persistence';
import { loadConfig } from '@fupin/service-kit';
import { z } from 'zod';
import { seedMarketDemo, type DemoOrganisation } from './seed-market-demo';

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx) => {
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data as z.infer<T>;
      ctx.addIssue({ code: 'custom', message: parsed.error.issues.map((i) => i.message).join(', ') });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' });
    }
    return z.NEVER;
  });

/** What `tools/dev/stack.mjs` hands every demo seeder after the registry's seed. */
const demoConfigSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DEMO_REGISTRY: json(
    z.object({
      logins: z.array(
        z.object({ role: z.string(), username: z.string(), password: z.string(), scope: z.string() }),
      ),
    }),
  ),
  DEMO_SERVICE_URLS: json(z.object({ registry: z.url(), market: z.url() })),
  DEMO_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(90_000),
});

/**
 * `node dist/node/apps/market/src/demo/main.js`: stocks the county supermarket with the demo
 * county's produce through the running market's API, signed in as the registry's demo staff, and
 * prints one JSON line `{ created, products, buyer }`. Safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig('market demo', demoConfigSchema, process.env);
  const logins = config.DEMO_REGISTRY.logins;
  const tokens = new Map<string, Promise<string>>();
  // Each organisation's demo staff member signs in once (the login's scope is the organisation's name).
  const tokenFor = (org: DemoOrganisation): Promise<string> => {
    let token = tokens.get(org.id);
    if (!token) {
      const login = logins.find(
        (l) => l.scope === org.name && (l.role === 'collector' || l.role === 'supermarket_staff'),
      );
      if (!login) throw new Error(`no demo login works at ${org.name}`);
      token = signIn(config.DEMO_SERVICE_URLS.registry, login.username, login.password);
      tokens.set(org.id, token);
    }
    return token;
  };
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    entities: [],
    migrations: [],
    poolSize: 2,
    applicationName: 'market-demo-seed',
  });
  await connectDataSource(dataSource, { attempts: 5 });
  try {
    const result = await seedMarketDemo({
      dataSource,
      marketUrl: config.DEMO_SERVICE_URLS.market,
      tokenFor,
      waitMs: config.DEMO_WAIT_MS,
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function signIn(registryUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${registryUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TokenPairResponse).accessToken;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`market demo seed: ${message}\n`);
  process.exit(1);
});
