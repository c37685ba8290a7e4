// Starts the whole platform in-process for `npm start` and the browser tests: embedded
// PostgreSQL (or the server named by DATABASE_URL), the four services as child processes, and
// a gateway per web app. Everything it starts, stop() stops.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildServices, SERVICES } from '../build/services.mjs';
import { startGateway } from './gateway.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APPS = ['storefront', 'kiosk', 'admin'];
export const DEFAULT_PORTS = {
  registry: 3001,
  ledger: 3002,
  market: 3003,
  dividends: 3004,
  storefront: 4200,
  kiosk: 4300,
  admin: 4400,
  postgres: 5433,
  kafka: 9092,
  stripe: 12111,
};

/**
 * @typedef {object} StackOptions
 * @property {string} [dataDir] folder for the PostgreSQL cluster; default a fresh temp folder (throwaway)
 * @property {string} [kafkaDataDir] folder for the dev broker's log; default in memory (throwaway)
 * @property {0 | typeof DEFAULT_PORTS} [ports] 0 picks free ports for everything
 * @property {(line: string) => void} [log]
 * @property {Record<string, string | undefined>} [env] where DATABASE_URL-style variables are read
 * @property {boolean} [durable] fsync on for the embedded cluster (default: true when dataDir is given)
 * @property {boolean} [seedDemo] load the demo county (idempotent) and return its logins as `demo`
 */

/** @param {StackOptions} [options] */
export async function startStack(options = {}) {
  const log = options.log ?? (() => undefined);
  const env = options.env ?? process.env;
  const stoppers = [];
  const stop = async () => {
    while (stoppers.length)
      await stoppers
        .pop()()
        .catch((e) => log(`stop: ${e.message}`));
  };
  try {
    await buildServices();
    const persistence = require(path.join(ROOT, 'dist/node/libs/persistence/src/index.js'));
    const ports =
      options.ports === 0 ? await freePorts(persistence) : { ...DEFAULT_PORTS, ...(options.ports ?? {}) };

    const databaseUrls = await prepareDatabases({ persistence, env, options, ports, log, stoppers });
    const kafka = await prepareKafka({ env, options, ports, log, stoppers });
    const stripe = await prepareStripe({ env, ports, log, stoppers });

    const services = {};
    const children = {};
    const launchService = async (name) => {
      const child = await startServiceProcess(name, {
        port: ports[name],
        databaseUrl: databaseUrls[name],
        brokers: kafka.brokers,
        registryPort: ports.registry,
        env: { ...env, ...stripe.env },
        log,
      });
      children[name] = child;
      return child;
    };
    for (const name of SERVICES) {
      await launchService(name);
      stoppers.push(() => stopChild(children[name]));
      services[name] = ports[name];
    }
    await Promise.all(SERVICES.map((name) => waitHealthy(name, ports[name], children[name])));

    const demo = options.seedDemo ? await seedAllDemos({ databaseUrls, env, log, ports }) : undefined;

    const urls = {};
    for (const app of APPS) {
      const appDir = path.join(appsDist(env), app);
      if (!fs.existsSync(path.join(appDir, 'index.html'))) log(`warning: ${app} is not built (${appDir})`);
      const gateway = await startGateway({ appDir, services, port: ports[app] });
      stoppers.push(() => gateway.close());
      urls[app] = `http://127.0.0.1:${gateway.port}`;
    }
    for (const name of SERVICES) urls[name] = `http://127.0.0.1:${ports[name]}/api/${name}`;
    return {
      urls,
      databaseUrls: redactAll(databaseUrls),
      /** Unredacted, for tests and benchmarks that look into a service's own tables. */
      databaseUrlsWithPasswords: databaseUrls,
      kafkaBrokers: kafka.brokers,
      stripeApiBase: stripe.url,
      demo,
      stop,
      /** Kills a service the hard way (default SIGKILL: no graceful shutdown) and starts it again. */
      async restartService(name, signal = 'SIGKILL') {
        const old = children[name];
        old.stopping = true;
        old.kill(signal);
        await old.exitInfo;
        await launchService(name);
        await waitHealthy(name, ports[name], children[name]);
      },
      /** Stops the dev broker and starts it again on the same port and data (only when this stack started it). */
      restartKafka: kafka.restart,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function freePorts(persistence) {
  const ports = {};
  for (const key of Object.keys(DEFAULT_PORTS)) ports[key] = await persistence.freePort();
  return ports;
}

/**
 * DATABASE_URL-style variables win: <SERVICE>_DATABASE_URL for one service, DATABASE_URL for a
 * server on which a database per service is created. Otherwise the embedded server starts.
 */
async function prepareDatabases({ persistence, env, options, ports, log, stoppers }) {
  const urls = {};
  const perService = Object.fromEntries(SERVICES.map((s) => [s, env[`${s.toUpperCase()}_DATABASE_URL`]]));
  if (SERVICES.every((s) => perService[s])) {
    log('databases: using <SERVICE>_DATABASE_URL from the environment (embedded PostgreSQL not started)');
    return perService;
  }
  let adminUrl = env.DATABASE_URL;
  if (adminUrl) {
    log(
      `databases: using the server at ${persistence.describeDatabaseUrl(adminUrl)} (embedded PostgreSQL not started)`,
    );
  } else {
    const throwaway = !options.dataDir;
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-stack-'));
    if (throwaway) fs.chmodSync(dataDir, 0o755);
    const pg = await persistence.EmbeddedPostgres.start({
      dataDir: throwaway ? path.join(dataDir, 'postgres') : dataDir,
      port: ports.postgres,
      durable: options.durable ?? !throwaway,
      // The platform's server, not a test's: PostgreSQL's 128 MB default buffers cannot hold a
      // county's posting (4M payouts and their indexes), which then writes and re-reads its own
      // pages; measured on a 1M-household posting, the writes took 26.6 s with the default and
      // 16.0 s with these (bench/dividends). A county server is tuned the same way.
      settings: { shared_buffers: '1GB', max_wal_size: '4GB', work_mem: '32MB' },
      log: (line) => {
        if (/FATAL|PANIC|ERROR/.test(line)) log(`postgres: ${line}`);
      },
    });
    stoppers.push(async () => {
      await pg.stop();
      if (throwaway) fs.rmSync(dataDir, { recursive: true, force: true });
    });
    log(`databases: embedded PostgreSQL on 127.0.0.1:${pg.port}, data in ${pg.dataDir}`);
    adminUrl = pg.url();
  }
  for (const s of SERVICES) {
    if (perService[s]) {
      urls[s] = perService[s];
      continue;
    }
    await persistence.ensureDatabase(adminUrl, s);
    const u = new URL(adminUrl);
    u.pathname = `/${s}`;
    urls[s] = u.toString();
  }
  return urls;
}

/** Where the built web apps are: `dist/apps`, or FUPIN_APPS_DIST (a private build, e.g. while developing). */
function appsDist(env) {
  return env.FUPIN_APPS_DIST ? path.resolve(env.FUPIN_APPS_DIST) : path.join(ROOT, 'dist/apps');
}

/**
 * The registry's demo county first, then each other service's demo data (rules and goods, produce,
 * cooperatives…) from its own `src/demo/main.ts` when it has one. Each seeder gets the registry's
 * result as DEMO_REGISTRY (JSON) and prints one JSON line; the results are merged as
 * `{ ...registry, ledger, market, dividends }`.
 */
async function seedAllDemos({ databaseUrls, env, log, ports }) {
  const registry = await seedDemo({ databaseUrl: databaseUrls.registry, env, log });
  const demo = { ...registry };
  for (const name of SERVICES.filter((s) => s !== 'registry')) {
    const script = path.join(ROOT, `dist/node/apps/${name}/src/demo/main.js`);
    if (!fs.existsSync(script)) continue;
    demo[name] = await seedDemo({
      name,
      script,
      databaseUrl: databaseUrls[name],
      env: {
        ...env,
        DEMO_REGISTRY: JSON.stringify(registry),
        DEMO_SERVICE_URLS: JSON.stringify(
          Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}/api/${s}`])),
        ),
      },
      log,
    });
  }
  return demo;
}

/**
 * Loads the demo county through the registry's own seeding code (it publishes events like any
 * registration, so the other services hear of every household). Safe to run on every start.
 */
function seedDemo({
  name = 'registry',
  script = path.join(ROOT, 'dist/node/apps/registry/src/demo/main.js'),
  databaseUrl,
  env,
  log,
}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: env.NODE_ENV ?? 'development', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${name} demo seed failed: ${err.trim().split('\n').pop()}`));
      try {
        const result = JSON.parse(out.trim().split('\n').pop());
        log(`${name} demo data: ${result.created ? 'created' : 'already there'}`);
        resolve(result);
      } catch {
        reject(new Error(`${name} demo seed printed no result: ${out.slice(-300)}`));
      }
    });
  });
}

/**
 * STRIPE_API_BASE wins (stripe-mock or Stripe itself); otherwise the project's dev-stripe starts,
 * posting signed webhooks to the market as Stripe would.
 */
async function prepareStripe({ env, ports, log, stoppers }) {
  if (env.STRIPE_API_BASE) {
    log(`payments: using ${env.STRIPE_API_BASE} (dev-stripe not started)`);
    return { env: {}, url: env.STRIPE_API_BASE };
  }
  const { startDevStripe } = require(path.join(ROOT, 'tools/dev-stripe'));
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET ?? 'whsec_dev_stripe';
  const server = await startDevStripe({
    host: '127.0.0.1',
    port: ports.stripe,
    webhookUrl: `http://127.0.0.1:${ports.market}/api/market/payments/stripe/webhook`,
    webhookSecret,
  });
  stoppers.push(() => server.stop());
  log(`payments: dev-stripe on ${server.url}`);
  return { env: { STRIPE_API_BASE: server.url, STRIPE_WEBHOOK_SECRET: webhookSecret }, url: server.url };
}

/** KAFKA_BROKERS wins; otherwise the project's dev broker starts (on disk when kafkaDataDir is given). */
async function prepareKafka({ env, options, ports, log, stoppers }) {
  if (env.KAFKA_BROKERS) {
    log(`kafka: using ${env.KAFKA_BROKERS} (dev broker not started)`);
    return { brokers: env.KAFKA_BROKERS, restart: undefined };
  }
  const { startBroker } = require(path.join(ROOT, 'tools/dev-kafka'));
  const settings = {
    host: '127.0.0.1',
    port: ports.kafka,
    ...(options.kafkaDataDir ? { dataDir: options.kafkaDataDir } : { inMemory: true }),
    // As docker-compose's Kafka (KAFKA_NUM_PARTITIONS=4), for topics created on first use.
    defaultPartitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 4),
    logLevel: 'warn',
    logger: (level, message) => log(`kafka: ${level} ${message}`),
  };
  let broker = await startBroker(settings);
  stoppers.push(() => broker.stop());
  log(
    `kafka: dev broker on ${broker.brokers}${options.kafkaDataDir ? `, log in ${options.kafkaDataDir}` : ' (in memory)'}`,
  );
  return {
    brokers: broker.brokers,
    async restart() {
      await broker.stop();
      broker = await startBroker({ ...settings, port: broker.port });
    },
  };
}

async function startServiceProcess(name, { port, databaseUrl, brokers, registryPort, env, log }) {
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      // e.g. FUPIN_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile a bench run.
      ...(env.FUPIN_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      path.join(ROOT, 'dist/node/apps', name, 'src/main.js'),
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: env.NODE_ENV ?? 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: brokers,
        AUTH_JWKS_URL: `http://127.0.0.1:${registryPort}/api/registry/auth/jwks.json`,
        LOG_LEVEL: env.LOG_LEVEL ?? 'info',
      },
      // The IPC channel is a lifeline: a service exits when the launcher dies, even by SIGKILL.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const forward = (stream) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        const text = line.trim() ? summarise(line) : null;
        if (text) log(`${name}: ${text}`);
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  child.exitInfo = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.exitInfo.then(({ code, signal }) => {
    // SIGINT/SIGTERM exits are a Ctrl-C reaching the whole process group: expected, not news.
    if (!child.stopping && signal !== 'SIGINT' && signal !== 'SIGTERM')
      log(`${name}: exited (${signal ?? `code ${code}`})`);
  });
  return child;
}

const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Pino JSON lines become "LEVEL message" for the console; anything else passes through. */
function summarise(line) {
  try {
    const entry = JSON.parse(line);
    // Nest's start-up chatter (module and route listings) says nothing a person needs.
    if (entry.level <= 30 && QUIET_CONTEXTS.has(entry.context)) return null;
    const level =
      { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' }[entry.level] ?? '';
    const req = entry.req ? `${entry.req.method} ${entry.req.url} → ${entry.res?.statusCode ?? ''} ` : '';
    return `${level} ${req}${entry.msg ?? ''}`.trim();
  } catch {
    return line;
  }
}

// A loaded machine (CI runs two projects at once) can take more than a minute to start a service.
const HEALTHY_WITHIN_MS = Number(process.env.FUPIN_STACK_START_TIMEOUT_MS) || 180_000;

async function waitHealthy(name, port, child, timeoutMs = HEALTHY_WITHIN_MS) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    // A service that exited will not become healthy: say so now, not after the timeout.
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `${name} exited during start-up (${child.signalCode ?? `code ${child.exitCode}`}); its log is above`,
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/${name}/health`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s (${last})`);
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stopping = true;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await child.exitInfo;
  clearTimeout(timer);
}

function redactAll(urls) {
  return Object.fromEntries(
    Object.entries(urls).map(([k, v]) => {
      const u = new URL(v);
      if (u.password) u.password = '***';
      return [k, u.toString()];
    }),
  );
}
