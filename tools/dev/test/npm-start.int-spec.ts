/**
 * `npm start` as a person uses it: it comes up and prints where everything is, every health
 * endpoint answers through the app gateways, Ctrl-C leaves no process behind, and a second
 * start finds the data of the first.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../../..');
const SERVICES = ['registry', 'ledger', 'market', 'dividends'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Launch {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
}

function launch(env: Record<string, string>): Launch {
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/dev/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...env, FUPIN_SKIP_WEB_BUILD: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('The platform is up')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}): ${output}`)));
  });
  const l = { child, output: () => output, ready };
  launched.push(l);
  return l;
}

function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const found: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (found.push(c), walk(c)));
  walk(pid);
  return found;
}

function describeProcess(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'stat=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '(gone)';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopWithCtrlC(l: Launch): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => l.child.once('exit', (code) => resolve(code)));
  l.child.kill('SIGINT');
  return exited;
}

const launched: Launch[] = [];
afterEach(() => {
  // A failed assertion must not leave a platform running behind the test.
  for (const l of launched.splice(0)) if (l.child.exitCode === null) l.child.kill('SIGINT');
});

describe('npm start', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'tools/build/services.mjs')], { cwd: ROOT });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-launcher-'));
    fs.chmodSync(dataDir, 0o755);
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    for (const key of [
      'REGISTRY',
      'LEDGER',
      'MARKET',
      'DIVIDENDS',
      'STOREFRONT',
      'KIOSK',
      'ADMIN',
      'POSTGRES',
      'KAFKA',
      'STRIPE',
    ]) {
      env[`${key}_PORT`] = String(await freePort());
    }
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, stops cleanly on Ctrl-C, and keeps the data for the next start', async () => {
    const first = launch(env);
    await first.ready;
    const printed = first.output();
    for (const label of [
      'storefront',
      'kiosk',
      'admin',
      'registry API',
      'dividends API docs',
      'Kafka brokers',
      'Stripe API (test)',
      'Demo logins',
      'fc-admin',
    ]) {
      expect(printed).toContain(label);
    }
    for (const service of SERVICES) {
      const res = await fetch(`http://127.0.0.1:${env.ADMIN_PORT}/api/${service}/health`);
      expect(res.status).toBe(200);
      expect((await res.json()).info.database.status).toBe('up');
    }
    const pg = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/registry`,
    });
    await pg.connect();
    await pg.query(`INSERT INTO audit_log (actor_id, role, scope, action, target_type, target_id)
                    VALUES ('launcher-test', 'county_admin', 'county', 'kept', 'test', '1')`);
    await pg.end();

    const spawned = descendants(first.child.pid!);
    expect(spawned.length).toBeGreaterThanOrEqual(5); // four services and PostgreSQL (plus its workers)
    expect(await stopWithCtrlC(first)).toBe(0);
    // The launcher waits for its children; give PostgreSQL's workers a moment to follow the postmaster.
    const deadline = Date.now() + 5_000;
    while (spawned.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const left = spawned.filter(alive);
    expect(left.map((pid) => `${pid}: ${describeProcess(pid)}`)).toEqual([]);

    const second = launch(env);
    try {
      await second.ready;
      const again = new Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/registry`,
      });
      await again.connect();
      const rows = await again.query(`SELECT action FROM audit_log WHERE actor_id = 'launcher-test'`);
      await again.end();
      expect(rows.rows).toEqual([{ action: 'kept' }]);
    } finally {
      expect(await stopWithCtrlC(second)).toBe(0);
    }
  });

  it('a service given a broken database URL exits with one clear line', () => {
    let stderr = '';
    let status: number | null = 0;
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'dist/node/apps/ledger/src/main.js')], {
        env: {
          ...process.env,
          PORT: '0',
          DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/ledger',
          DATABASE_CONNECT_ATTEMPTS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'ledger: cannot connect to database 127.0.0.1:1/ledger: connect ECONNREFUSED 127.0.0.1:1',
    ]);
  });
});
