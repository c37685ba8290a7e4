#!/usr/bin/env node
// `npm start`: builds what is missing, starts the whole platform with embedded defaults and
// prints where everything is. Ctrl-C stops it all; data stays in .data/ for the next start.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { APPS, DEFAULT_PORTS, ROOT, startStack } from './stack.mjs';
import { buildServices } from '../build/services.mjs';

const require = createRequire(import.meta.url);
const started = Date.now();
const say = (line) => process.stdout.write(`${line}\n`);

function buildApps() {
  say('building the web apps (cached after the first start)…');
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      APPS.join(','),
      '--outputStyle=static',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout.toString() + result.stderr.toString());
    throw new Error('building the web apps failed (output above)');
  }
}

function portsFromEnv() {
  const ports = { ...DEFAULT_PORTS };
  for (const key of Object.keys(ports)) {
    const value = process.env[`${key.toUpperCase()}_PORT`];
    if (value) ports[key] = Number(value);
  }
  return ports;
}

async function main() {
  // The launcher's own tests build the apps once through Nx and skip it here.
  if (process.env.FUPIN_SKIP_WEB_BUILD !== 'true') buildApps();
  await buildServices();
  const persistence = require(path.join(ROOT, 'dist/node/libs/persistence/src/index.js'));
  const dataRoot = process.env.DATA_DIR ?? persistence.defaultDataRoot(ROOT);
  const dataDir = path.join(dataRoot, 'postgres');
  const stack = await startStack({
    dataDir,
    kafkaDataDir: path.join(dataRoot, 'kafka'),
    seedDemo: process.env.DEMO_DATA !== 'false',
    ports: portsFromEnv(),
    log: (line) => say(`  ${line}`),
  });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await stack.stop();
    say('stopped; data kept for the next start.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const rows = [
    ['扶贫超市 storefront (civil servants)', stack.urls.storefront],
    ['爱心超市 kiosk (villagers)', stack.urls.kiosk],
    ['管理后台 admin (staff)', stack.urls.admin],
    ...['registry', 'ledger', 'market', 'dividends'].flatMap((s) => [
      [`${s} API`, stack.urls[s]],
      [`${s} API docs`, `${stack.urls[s]}/docs`],
    ]),
    ['Kafka brokers', stack.kafkaBrokers],
    ['Stripe API (test)', stack.stripeApiBase],
  ];
  // CJK characters take two terminal columns.
  const columns = (text) =>
    [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (text, width) => text + ' '.repeat(Math.max(0, width - columns(text)));
  const width = Math.max(...rows.map(([k]) => columns(k)));
  // One write, so whoever watches the output sees the whole table at once.
  say(
    [
      '',
      `The platform is up (${Math.round((Date.now() - started) / 100) / 10} s). Press Ctrl-C to stop.`,
      '',
      ...rows.map(([k, v]) => `  ${pad(k, width)}  ${v}`),
      '',
      ...demoLines(stack.demo),
      `  data: ${dataRoot}`,
      '',
    ].join('\n'),
  );
}

/** One demo login per role, the kiosk credentials and a few points cards, for trying things out. */
function demoLines(demo) {
  if (!demo) return [];
  const seen = new Set();
  const logins = demo.logins.filter((l) => !seen.has(l.role) && seen.add(l.role));
  const lines = ['Demo logins (admin app; one per role, all listed by the registry seed):'];
  for (const l of logins)
    lines.push(`  ${l.role.padEnd(18)} ${l.username.padEnd(22)} ${l.password}   ${l.scope}`);
  lines.push('', 'Kiosk devices (paste the credential into the kiosk set-up):');
  for (const k of demo.kiosks.slice(0, 3)) lines.push(`  ${k.storeName}  ${k.credential}`);
  lines.push('', 'Points cards (card number / PIN):');
  const balances = new Map((demo.ledger?.sampleBalances ?? []).map((b) => [b.cardNumber, b.balance]));
  for (const c of demo.sampleCards.slice(0, 4)) {
    const points = balances.has(c.cardNumber) ? `   ${balances.get(c.cardNumber)} points` : '';
    lines.push(`  ${c.cardNumber} / ${c.pin}   ${c.householdHead}, ${c.village}${points}`);
  }
  if (demo.market?.products?.length)
    lines.push(
      '',
      `Storefront: ${demo.market.products.length} demo products; buyer login ${demo.market.buyer}.`,
    );
  lines.push('');
  return lines;
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  process.exit(1);
});
