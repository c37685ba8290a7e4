import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** One COPY text-format field: `\N` for null, backslash escapes for the characters COPY treats specially. */
export function copyField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

const ROWS_PER_CHUNK = 2000;

/** Groups generated rows into chunks of text, so the stream is not driven one row at a time. */
async function* chunks(rows: Iterable<readonly (string | null | undefined)[]>): AsyncGenerator<string> {
  let buffer: string[] = [];
  for (const row of rows) {
    buffer.push(row.map(copyField).join('\t'));
    if (buffer.length === ROWS_PER_CHUNK) {
      yield buffer.join('\n') + '\n';
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join('\n') + '\n';
}

/**
 * Streams rows into `COPY <target> FROM STDIN` on the connection of the caller's database
 * transaction (never a pooled connection of its own), so the rows commit or roll back with it. The
 * rows are generated lazily and sent in chunks: no string of the whole table is ever built.
 * Returns the number of rows copied. A row the database refuses (constraint, trigger) fails the
 * COPY, and with it the transaction.
 */
export async function copyRows(
  manager: EntityManager,
  target: string,
  rows: Iterable<readonly (string | null | undefined)[]>,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive)
    throw new Error('copyRows must run inside a database transaction');
  // TypeORM 1.1's PostgresQueryRunner.connect() returns the pg client it holds for the transaction.
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  await pipeline(Readable.from(chunks(rows)), copy);
  return copy.rowCount;
}
