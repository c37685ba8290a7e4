import { createHash } from 'node:crypto';
import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Creates the table behind {@link runIdempotent}: one row per (caller, key), holding the answer
 * the first request got. Each service that takes `Idempotency-Key` calls this from a migration.
 */
export async function createIdempotencyTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE idempotency_key (
      caller text NOT NULL,
      key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
      operation text NOT NULL,
      request_hash text NOT NULL,
      response_status integer NOT NULL,
      response_body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (caller, key)
    )`);
  await runner.query('CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)');
}

/** Drops what {@link createIdempotencyTable} made. */
export async function dropIdempotencyTable(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE IF EXISTS idempotency_key');
}

/** What identifies one logical command: who sent it, under which key, and what it asked. */
export interface IdempotentRequest {
  /** The principal (user id, or household session) — keys are private to their sender. */
  caller: string;
  key: string;
  /** e.g. `POST /redemptions`; the same key on another operation is a client bug. */
  operation: string;
  /** The request body (any JSON); a repeat with a different body is refused. */
  body: unknown;
}

/** The first answer to a command, replayed for every repeat of its key. */
export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this is a repeat and `body` is the stored first answer. */
  replayed: boolean;
}

/** A key reused for a different request: the client has a bug, and nothing was changed. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Stable JSON (sorted keys) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `command` at most once per (caller, key), inside the caller's transaction. The key row is
 * inserted first: a concurrent request with the same key waits on it, and once the first commits
 * it gets the stored answer instead of running again. If the command throws, the transaction
 * rolls back with the key row, so a failed attempt can be retried with the same key.
 *
 * @example
 * return dataSource.transaction((m) =>
 *   runIdempotent(m, { caller: principal.id, key, operation: 'POST /redemptions', body }, () => redeem(m, body)),
 * );
 */
export async function runIdempotent<T>(
  manager: EntityManager,
  request: IdempotentRequest,
  command: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const hash = createHash('sha256')
    .update(`${request.operation}\n${canonical(request.body)}`)
    .digest('hex');
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_key (caller, key, operation, request_hash, response_status, response_body)
     VALUES ($1, $2, $3, $4, 0, 'null'::jsonb) ON CONFLICT DO NOTHING RETURNING 1`,
    [request.caller, request.key, request.operation, hash],
  );
  if (inserted.length === 0) {
    const [row] = await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE caller = $1 AND key = $2`,
      [request.caller, request.key],
    );
    if (row.request_hash !== hash) throw new IdempotencyKeyReusedError(request.key);
    return { status: row.response_status, body: row.response_body as T, replayed: true };
  }
  const result = await command();
  await manager.query(
    `UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE caller = $1 AND key = $2`,
    [request.caller, request.key, result.status, JSON.stringify(result.body ?? null)],
  );
  return { ...result, replayed: false };
}
