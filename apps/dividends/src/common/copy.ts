import { getRandomValues, randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** How a column is sent in COPY's binary format: its PostgreSQL type. */
export type CopyType = 'uuid' | 'text' | 'int8';

/** A column of a binary COPY: its name and type. */
export interface CopyColumn {
  readonly name: string;
  readonly type: CopyType;
}

/** A value of a COPYed row: text, a uuid in its usual 36-character form, a bigint (or its decimal text), or null. */
export type CopyValue = string | bigint | null | undefined;

const ROWS_PER_CHUNK = 5000;
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX_VALUE[48 + i] = i;
for (let i = 0; i < 6; i++) HEX_VALUE[65 + i] = HEX_VALUE[97 + i] = 10 + i;

/** Writes the 16 bytes of a uuid given as 8-4-4-4-12 hex digits; throws on anything else. */
function writeUuid(buffer: Buffer, offset: number, value: string): void {
  let ok =
    value.length === 36 &&
    value.charCodeAt(8) === 45 &&
    value.charCodeAt(13) === 45 &&
    value.charCodeAt(18) === 45 &&
    value.charCodeAt(23) === 45;
  for (let k = 0, j = 0; ok && k < 16; k++, j += 2) {
    if (j === 8 || j === 13 || j === 18 || j === 23) j++;
    const high = HEX_VALUE[value.charCodeAt(j)] ?? -1;
    const low = HEX_VALUE[value.charCodeAt(j + 1)] ?? -1;
    if (high < 0 || low < 0) ok = false;
    else buffer[offset + k] = (high << 4) | low;
  }
  if (!ok) throw new TypeError(`not a uuid: ${JSON.stringify(value)}`);
}

/**
 * Encodes rows in COPY's binary format (PostgreSQL "COPY … (FORMAT binary)": signature, then per
 * row a field count and each field as its length and bytes, -1 for null; then -1). The server then
 * stores uuids and bigints as sent instead of parsing their text, which is most of what a text
 * COPY costs it per row. A value equal to the one above it in its column (a posting's transaction,
 * account, batch, distribution) is copied from its bytes instead of being encoded again. Yields
 * chunks of rows, so no buffer of the whole table is ever built.
 */
export function* binaryCopyChunks(
  types: readonly CopyType[],
  rows: Iterable<readonly CopyValue[]>,
  rowsPerChunk = ROWS_PER_CHUNK,
): Generator<Buffer> {
  const n = types.length;
  let buffer = Buffer.allocUnsafe(1 << 20);
  let offset = 0;
  const room = (bytes: number) => {
    if (offset + bytes <= buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, offset + bytes));
    buffer.copy(bigger, 0, 0, offset);
    buffer = bigger;
  };
  // Per column: the last value encoded, where its bytes are in this chunk, and (once it repeats) a copy.
  const lastValue: CopyValue[] = new Array<CopyValue>(n).fill(undefined);
  const lastBytes: Array<Buffer | null> = new Array<Buffer | null>(n).fill(null);
  const lastStart = new Array<number>(n).fill(0);
  const lastEnd = new Array<number>(n).fill(0);
  COPY_SIGNATURE.copy(buffer, 0);
  buffer.writeInt32BE(0, 11); // flags
  buffer.writeInt32BE(0, 15); // header extension length
  offset = 19;
  let count = 0;
  for (const row of rows) {
    if (row.length !== n) throw new TypeError(`a row of ${row.length} values for ${n} columns`);
    room(2);
    buffer.writeInt16BE(n, offset);
    offset += 2;
    for (let i = 0; i < n; i++) {
      const value = row[i];
      if (value === null || value === undefined) {
        room(4);
        buffer.writeInt32BE(-1, offset);
        offset += 4;
        continue;
      }
      if (value === lastValue[i]) {
        const bytes = (lastBytes[i] ??= Buffer.from(buffer.subarray(lastStart[i], lastEnd[i])));
        room(bytes.length);
        bytes.copy(buffer, offset);
        offset += bytes.length;
        continue;
      }
      const start = offset;
      switch (types[i]) {
        case 'uuid':
          if (typeof value !== 'string') throw new TypeError(`not a uuid: ${String(value)}`);
          room(20);
          buffer.writeInt32BE(16, offset);
          writeUuid(buffer, offset + 4, value);
          offset += 20;
          break;
        case 'int8':
          room(12);
          buffer.writeInt32BE(8, offset);
          buffer.writeBigInt64BE(typeof value === 'bigint' ? value : BigInt(value), offset + 4);
          offset += 12;
          break;
        case 'text': {
          const text = String(value);
          const length = Buffer.byteLength(text);
          room(4 + length);
          buffer.writeInt32BE(length, offset);
          buffer.write(text, offset + 4, length, 'utf8');
          offset += 4 + length;
          break;
        }
      }
      lastValue[i] = value;
      lastBytes[i] = null;
      lastStart[i] = start;
      lastEnd[i] = offset;
    }
    if (++count === rowsPerChunk) {
      // Positions refer to this chunk: a value not yet copied out is forgotten with it.
      for (let i = 0; i < n; i++) if (lastBytes[i] === null) lastValue[i] = undefined;
      yield Buffer.from(buffer.subarray(0, offset));
      offset = 0;
      count = 0;
    }
  }
  room(2);
  buffer.writeInt16BE(-1, offset);
  offset += 2;
  yield Buffer.from(buffer.subarray(0, offset));
}

/**
 * Streams rows into `COPY <table> (<columns>) FROM STDIN (FORMAT binary)` on the connection of the
 * caller's database transaction (never a pooled connection of its own), so the rows commit or roll
 * back with it. The rows are generated lazily and sent in chunks: no buffer of the whole table is
 * ever built. Returns the number of rows copied. A row the database refuses (constraint, trigger)
 * fails the COPY, and with it the transaction.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly CopyColumn[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive)
    throw new Error('copyRows must run inside a database transaction');
  // TypeORM 1.1's PostgresQueryRunner.connect() returns the pg client it holds for the transaction.
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(
    copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN (FORMAT binary)`),
  );
  await pipeline(
    Readable.from(
      binaryCopyChunks(
        columns.map((c) => c.type),
        rows,
      ),
    ),
    copy,
  );
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
