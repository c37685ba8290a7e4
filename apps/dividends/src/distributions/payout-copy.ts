import { getRandomValues, randomInt } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** PostgreSQL's binary COPY signature: the first 11 bytes of a "COPY … (FORMAT binary)" stream. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RANDOM_WORDS = 4096;
/**
 * How much each stage of the posting's pipeline may hold before it makes the one before it wait:
 * the reading backend, this process and the writing backend share the machine's cores, and with
 * Node's 16 kB default they took turns instead of working at once.
 */
const STREAM_BUFFER_BYTES = 4 << 20;

/** The 16 bytes of a uuid written 8-4-4-4-12. */
function uuidBytes(text: string): Buffer {
  if (!UUID.test(text)) throw new TypeError(`not a uuid: ${JSON.stringify(text)}`);
  return Buffer.from(text.replace(/-/g, ''), 'hex');
}

/**
 * Time-ordered UUIDs (version 7, RFC 9562 §6.2 method 1) written straight into a buffer: the
 * millisecond of `now`, then a 42-bit counter that starts at a random value and grows by one per
 * id, then 32 random bits. The ids of one source sort (byte by byte, as PostgreSQL compares uuids)
 * in the order they were made, so a posting's payouts append to the primary-key index, and a
 * batch's payouts read back "ORDER BY id" come in the order they were written.
 */
export function timeOrderedIdBytes(now: Date = new Date()): (into: Buffer, at: number) => void {
  const ms = now.getTime();
  const high = Math.floor(ms / 2 ** 16);
  const low = ms % 2 ** 16;
  // Below 2^41, so at least 2^41 ids fit before the counter could reach 2^42.
  let counter = randomInt(0, 2 ** 40) * 2;
  const words = new Uint32Array(RANDOM_WORDS);
  let next = RANDOM_WORDS;
  return (into, at) => {
    if (next === RANDOM_WORDS) {
      getRandomValues(words);
      next = 0;
    }
    const randA = Math.floor(counter / 2 ** 30); // the counter's top 12 bits
    const rest = counter % 2 ** 30; // its low 30 bits, after the variant bits
    counter++;
    into.writeUInt32BE(high, at);
    into.writeUInt16BE(low, at + 4);
    into[at + 6] = 0x70 | (randA >>> 8);
    into[at + 7] = randA & 0xff;
    into.writeUInt32BE((0x80000000 | rest) >>> 0, at + 8);
    into.writeUInt32BE(words[next++], at + 12);
  };
}

const HEX_BYTES = Buffer.from('0123456789abcdef');
const pieces = (...texts: string[]) => texts.map((t) => Buffer.from(t, 'latin1'));
const [OPEN, AFTER_AMOUNT, AFTER_ACCOUNT, AFTER_HOUSEHOLD, AFTER_NUMBER, CLOSE, NULL] = pieces(
  '{"amount_fen":"',
  '","attempt":1,"bank_account_masked":',
  ',"household_id":"',
  '","household_number":',
  ',"id":"',
  '"}',
  'null',
);

/**
 * Writes payouts' chain rows as bytes: exactly what `CANONICAL_ROWS.payout_batch.json` makes of
 * the row as PostgreSQL gives it back (a test holds the two together), separated by commas, for
 * the batch's hash. Text made only of printable ASCII other than `"` and `\` is its own JSON
 * string between quotes, and goes across byte for byte; anything else goes through
 * JSON.stringify.
 */
export class PayoutChainRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  rows = 0;

  /** The rows written since the last call, and a fresh start. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.at));
    this.at = 0;
    this.rows = 0;
    return out;
  }

  /** One payout: its id, household, number and bank account (text fields as UTF-8 bytes; start -1 for null) and amount. */
  row(
    id: Buffer,
    idAt: number,
    line: Buffer,
    householdAt: number,
    numberAt: number,
    numberEnd: number,
    accountAt: number,
    accountEnd: number,
    amountFen: bigint,
  ): void {
    this.room(200 + 6 * (numberEnd - numberAt + Math.max(0, accountEnd - accountAt)));
    if (this.rows++ > 0) this.buffer[this.at++] = 0x2c; // ','
    this.piece(OPEN);
    this.at += this.buffer.write(amountFen.toString(), this.at, 'latin1');
    this.piece(AFTER_AMOUNT);
    if (accountAt < 0) this.piece(NULL);
    else this.text(line, accountAt, accountEnd);
    this.piece(AFTER_ACCOUNT);
    this.hex(line, householdAt);
    this.piece(AFTER_HOUSEHOLD);
    this.text(line, numberAt, numberEnd);
    this.piece(AFTER_NUMBER);
    this.hex(id, idAt);
    this.piece(CLOSE);
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  private piece(bytes: Buffer): void {
    for (let k = 0; k < bytes.length; k++) this.buffer[this.at + k] = bytes[k];
    this.at += bytes.length;
  }

  private hex(from: Buffer, start: number): void {
    const out = this.buffer;
    let o = this.at;
    for (let k = 0; k < 16; k++) {
      if (k === 4 || k === 6 || k === 8 || k === 10) out[o++] = 0x2d; // '-'
      const b = from[start + k];
      out[o++] = HEX_BYTES[b >>> 4];
      out[o++] = HEX_BYTES[b & 15];
    }
    this.at = o;
  }

  private text(from: Buffer, start: number, end: number): void {
    for (let k = start; k < end; k++) {
      const b = from[k];
      if (b < 0x20 || b > 0x7e || b === 0x22 || b === 0x5c) {
        this.at += this.buffer.write(JSON.stringify(from.toString('utf8', start, end)), this.at, 'utf8');
        return;
      }
    }
    const out = this.buffer;
    out[this.at++] = 0x22;
    for (let k = start; k < end; k++) out[this.at++] = from[k];
    out[this.at++] = 0x22;
  }
}

/**
 * The distribution's paid lines with the bank account the registry read model holds now, in
 * household order, as `COPY … TO STDOUT (FORMAT binary)`: household_id, household_number,
 * head_name, bank_name, bank_account_masked, amount_fen, village_code. Each line finds its household through
 * the read model's primary key (OFFSET 0 keeps the planner from turning this into a join that
 * would have to sort), so the rows stream out in the lines' own index order from the first row on.
 */
function paidLinesCopy(distributionId: string): string {
  if (!UUID.test(distributionId)) throw new TypeError(`not a uuid: ${distributionId}`);
  return `COPY (
    SELECT l.household_id, l.household_number, l.head_name, h.bank_name, h.bank_account_masked, l.amount_fen,
           l.village_code
    FROM distribution_line l
    LEFT JOIN LATERAL (SELECT bank_name, bank_account_masked FROM household_rm h WHERE h.id = l.household_id OFFSET 0) h ON true
    WHERE l.distribution_id = '${distributionId}' AND l.amount_fen > 0
    ORDER BY l.household_id) TO STDOUT (FORMAT binary)`;
}

const PAYOUT_COPY = `COPY payout (id, batch_id, distribution_id, household_id, household_number, head_name,
  bank_name, bank_account_masked, amount_fen, village_code, status) FROM STDIN (FORMAT binary)`;
const LINE_FIELDS = 7;
const PAYOUT_FIELDS = 11;

/**
 * Turns the binary rows of `paidLinesCopy` into the binary rows of `PAYOUT_COPY`: each line's seven
 * fields are passed through as they came (no text is parsed or re-encoded), framed by a new id,
 * the batch, the distribution and the status. Each payout's chain row goes to `onRows` as JSON
 * bytes (`PayoutChainRows`), a chunk of rows at a time, in the order written. Counts and sums what
 * it passes.
 */
export class LinesToPayouts extends Transform {
  count = 0;
  totalFen = 0n;
  private rest: Buffer | null = null;
  private headerRead = false;
  private ended = false;
  private readonly chainRows = new PayoutChainRows();
  // Where each field of the row being read starts and ends (-1: null), reused row after row.
  private readonly starts = new Int32Array(LINE_FIELDS);
  private readonly ends = new Int32Array(LINE_FIELDS);
  private readonly fixed: Buffer; // batch_id and distribution_id fields, then (at 40) the status field

  constructor(
    batchId: string,
    distributionId: string,
    private readonly nextId: (into: Buffer, at: number) => void,
    private readonly onRows: (json: Buffer) => void,
  ) {
    super({ highWaterMark: STREAM_BUFFER_BYTES });
    const status = Buffer.from('pending');
    this.fixed = Buffer.alloc(40 + 4 + status.length);
    this.fixed.writeInt32BE(16, 0);
    uuidBytes(batchId).copy(this.fixed, 4);
    this.fixed.writeInt32BE(16, 20);
    uuidBytes(distributionId).copy(this.fixed, 24);
    this.fixed.writeInt32BE(status.length, 40);
    status.copy(this.fixed, 44);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.push(this.convert(this.rest ? Buffer.concat([this.rest, chunk]) : chunk));
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (!this.ended || this.rest?.length)
      return done(new Error('the lines ended in the middle of a row, or without the end of the copy'));
    done();
  }

  private convert(input: Buffer): Buffer {
    const out: Buffer[] = [];
    let pos = 0;
    if (!this.headerRead) {
      if (input.length < 19) {
        this.rest = input;
        return Buffer.alloc(0);
      }
      if (!input.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      pos = 19 + input.readInt32BE(15);
      this.headerRead = true;
      const header = Buffer.alloc(19);
      SIGNATURE.copy(header, 0);
      out.push(header); // flags 0, no header extension
    }
    // Room for every whole row of this input: a payout is its line plus 70 bytes.
    const buffer = Buffer.allocUnsafe(input.length + Math.ceil(input.length / 40) * 72 + 2);
    let o = 0;
    const rows = this.chainRows;
    const fixed = this.fixed;
    for (;;) {
      if (this.ended) {
        if (pos < input.length) throw new Error('data after the end of the copy');
        break;
      }
      if (pos + 2 > input.length) break;
      const fields = input.readInt16BE(pos);
      if (fields === -1) {
        this.ended = true;
        buffer.writeInt16BE(-1, o);
        o += 2;
        pos += 2;
        continue;
      }
      if (fields !== LINE_FIELDS) throw new Error(`a line of ${fields} fields, not ${LINE_FIELDS}`);
      // Where each field's bytes start and end (after its length); -1 for null.
      let p = pos + 2;
      const { starts, ends } = this;
      let whole = true;
      for (let f = 0; f < LINE_FIELDS; f++) {
        if (p + 4 > input.length) {
          whole = false;
          break;
        }
        const length = input.readInt32BE(p);
        p += 4;
        if (length < 0) {
          starts[f] = ends[f] = -1;
          continue;
        }
        if (p + length > input.length) {
          whole = false;
          break;
        }
        starts[f] = p;
        ends[f] = p + length;
        p += length;
      }
      if (!whole) break;
      if (starts[0] < 0 || ends[0] - starts[0] !== 16 || starts[5] < 0 || ends[5] - starts[5] !== 8)
        throw new Error('a line without its household or amount');
      const amount = input.readBigInt64BE(starts[5]);
      buffer.writeInt16BE(PAYOUT_FIELDS, o);
      buffer.writeInt32BE(16, o + 2);
      this.nextId(buffer, o + 6);
      const idAt = o + 6;
      fixed.copy(buffer, o + 22, 0, 40);
      o += 62;
      o += input.copy(buffer, o, pos + 2, p); // the line's seven fields, lengths included
      o += fixed.copy(buffer, o, 40);
      rows.row(buffer, idAt, input, starts[0], starts[1], ends[1], starts[4], ends[4], amount);
      this.count++;
      this.totalFen += amount;
      pos = p;
    }
    this.rest = pos < input.length ? input.subarray(pos) : null;
    if (rows.rows) this.onRows(rows.take());
    out.push(buffer.subarray(0, o));
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }
}

/**
 * Writes one payout per paid line of the distribution into the batch: the lines are read on
 * `reader` (another connection: the lines of an approved distribution no longer change) while
 * the payouts are copied in on `writer` (the posting's transaction), so reading, passing through
 * and writing overlap and no list of households is ever held. `onRows` gets every payout's chain
 * row in id order, as comma-separated JSON. Returns how many payouts were written and their sum.
 */
export async function copyPayouts(
  reader: ClientBase,
  writer: ClientBase,
  input: { distributionId: string; batchId: string; at: Date },
  onRows: (json: Buffer) => void,
): Promise<{ count: number; totalFen: bigint }> {
  const convert = new LinesToPayouts(
    input.batchId,
    input.distributionId,
    timeOrderedIdBytes(input.at),
    onRows,
  );
  await pipeline(
    reader.query(copyTo(paidLinesCopy(input.distributionId), { highWaterMark: STREAM_BUFFER_BYTES })),
    convert,
    writer.query(copyFrom(PAYOUT_COPY, { highWaterMark: STREAM_BUFFER_BYTES })),
  );
  return { count: convert.count, totalFen: convert.totalFen };
}
