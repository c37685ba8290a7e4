import { getRandomValues, randomInt } from 'node:crypto';
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

const RANDOM_WORDS = 4096;

/**
 * A source of time-ordered UUIDs (version 7, RFC 9562 §6.2 method 1) for rows a COPY sends with
 * their ids: the millisecond the source was made, then a 42-bit counter that starts at a random
 * value and grows by one per id (so the ids of one posting sort in the order they were made and
 * append to a primary-key index), then 32 random bits. PostgreSQL's own uuidv7() as a column
 * default would do the same, but COPY inserts one row at a time when it has to evaluate a
 * volatile default, instead of in batches.
 */
export function timeOrderedIds(now: Date = new Date()): () => string {
  const ms = now.getTime().toString(16).padStart(12, '0');
  const prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  // Below 2^41, so at least 2^41 ids fit before the counter could wrap.
  let counter = randomInt(0, 2 ** 40) * 2;
  const words = new Uint32Array(RANDOM_WORDS);
  let next = RANDOM_WORDS;
  return () => {
    if (next === RANDOM_WORDS) {
      getRandomValues(words);
      next = 0;
    }
    const high = Math.floor(counter / 2 ** 30); // 12 bits: rand_a
    const low = counter % 2 ** 30; // 30 bits, after the variant bits of rand_b
    counter++;
    return (
      prefix +
      high.toString(16).padStart(3, '0') +
      '-' +
      (0x8000 | (low >>> 16)).toString(16) +
      '-' +
      (low & 0xffff).toString(16).padStart(4, '0') +
      words[next++].toString(16).padStart(8, '0')
    );
  };
}
