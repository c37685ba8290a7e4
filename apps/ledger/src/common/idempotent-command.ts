import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError, runIdempotent } from '@fupin/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerErrorCode, LedgerException } from './ledger.exception';
import type { RequestContext } from '@fupin/service-kit';

/**
 * Runs a command once per (caller, Idempotency-Key) in one transaction; a repeat gets the first
 * answer and changes nothing, a key reused for another request is a 422 and changes nothing.
 */
export async function idempotentCommand<T>(
  dataSource: DataSource,
  ctx: RequestContext,
  key: string,
  operation: string,
  body: unknown,
  command: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    const result = await dataSource.transaction((manager) =>
      runIdempotent(manager, { caller: ctx.actorId, key, operation, body }, async () => ({
        status: 200,
        body: await command(manager),
      })),
    );
    return result.body;
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) {
      throw new LedgerException(
        LedgerErrorCode.IdempotencyKeyReused,
        'Idempotency-Key 已用于另一个请求 / This Idempotency-Key was already used for a different request',
      );
    }
    throw error;
  }
}

/** Stable JSON (sorted keys): the same body always hashes the same. */
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
 * The request hash stored with an Idempotency-Key, computed exactly as `runIdempotent` does, for
 * commands that claim their key inside a database function (the kiosk redemption).
 */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonical(body)}`)
    .digest('hex');
}
