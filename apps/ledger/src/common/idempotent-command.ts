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
