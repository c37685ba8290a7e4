import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CANONICAL_ROWS } from '../chain/chain.service';
import { LinesToPayouts, timeOrderedIdBytes } from './payout-copy';

/** The uuid in its usual 8-4-4-4-12 form, from 16 bytes at `at`. */
function uuidText(bytes: Buffer, at: number): string {
  const hex = bytes.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

type Line = [string, string, string, string | null, string | null, bigint, string];

/** A line as PostgreSQL's binary COPY sends it (the columns of the posting's read). */
function encodeLines(lines: Line[]): Buffer {
  const parts: Buffer[] = [Buffer.concat([SIGNATURE, Buffer.alloc(8)])];
  const field = (bytes: Buffer | null) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes ? bytes.length : -1);
    parts.push(length);
    if (bytes) parts.push(bytes);
  };
  for (const [household, number, head, bank, account, amount, village] of lines) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(7);
    parts.push(count);
    field(Buffer.from(household.replace(/-/g, ''), 'hex'));
    field(Buffer.from(number));
    field(Buffer.from(head));
    field(bank === null ? null : Buffer.from(bank));
    field(account === null ? null : Buffer.from(account));
    const fen = Buffer.alloc(8);
    fen.writeBigInt64BE(amount);
    field(fen);
    field(Buffer.from(village));
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

/** The payout rows of a binary COPY, each field as text (uuid, int8 decoded; null as null). */
function decodePayouts(bytes: Buffer): Array<Array<string | null>> {
  expect(bytes.subarray(0, 11).equals(SIGNATURE)).toBe(true);
  let at = 19;
  const rows: Array<Array<string | null>> = [];
  for (;;) {
    const fields = bytes.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    expect(fields).toBe(11);
    const row: Array<string | null> = [];
    for (let f = 0; f < fields; f++) {
      const length = bytes.readInt32BE(at);
      at += 4;
      if (length < 0) {
        row.push(null);
        continue;
      }
      const value = bytes.subarray(at, at + length);
      row.push(
        [0, 1, 2, 3].includes(f)
          ? uuidText(value, 0)
          : f === 8
            ? value.readBigInt64BE(0).toString()
            : value.toString('utf8'),
      );
      at += length;
    }
    rows.push(row);
  }
  expect(at).toBe(bytes.length);
  return rows;
}

/** Runs lines through the conversion, cut into pieces of the given sizes (repeating). */
async function convert(input: Buffer, pieces: number[]) {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < input.length; k++) {
    const size = pieces[k % pieces.length];
    chunks.push(input.subarray(at, at + size));
    at += size;
  }
  const json: Buffer[] = [];
  const out: Buffer[] = [];
  const batch = '0190f3a0-0000-7000-8000-00000000000b';
  const distribution = '0190f3a0-0000-7000-8000-00000000000d';
  const transform = new LinesToPayouts(
    batch,
    distribution,
    timeOrderedIdBytes(new Date('2026-01-01T00:00:00Z')),
    (rows) => json.push(rows),
  );
  await pipeline(
    Readable.from(chunks),
    transform,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return { rows: decodePayouts(Buffer.concat(out)), json: json.join(','), transform, batch, distribution };
}

const lines: Line[] = Array.from({ length: 250 }, (_, i) => [
  `${i.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${'d'.repeat(12)}`,
  // Numbers and accounts are digits and stars in practice; the odd ones check the JSON escapes.
  i % 11 === 3 ? `4113"22\\${i}` : `4113221002${String(i).padStart(8, '0')}`,
  i % 7 === 0 ? `王老${i}` : `Li ${i}`,
  i % 5 === 0 ? null : '农村信用社',
  i % 5 === 0 ? null : i % 13 === 1 ? `卡\u0001${i}\u2028` : `6217****${String(i).padStart(4, '0')}`,
  BigInt(1 + i * 1013),
  `411322${String(100 + (i % 3)).padStart(3, '0')}201`,
]);

describe('a posting passes each paid line into its payout unchanged', () => {
  it.each([
    ['one piece', [1 << 20]],
    ['pieces of 1 byte', [1]],
    ['pieces that cut rows and lengths anywhere', [3, 17, 64, 5, 1000, 2]],
  ])('whatever the pieces the lines arrive in (%s)', async (_name, pieces) => {
    const { rows, json, transform, batch, distribution } = await convert(encodeLines(lines), pieces);
    expect(rows).toHaveLength(lines.length);
    const chainRows = rows.map((row, i) => {
      const [household, number, head, bank, account, amount, village] = lines[i];
      expect(row.slice(1)).toEqual([
        batch,
        distribution,
        household,
        number,
        head,
        bank,
        account,
        String(amount),
        village,
        'pending',
      ]);
      return {
        id: row[0],
        household_id: household,
        household_number: number,
        bank_account_masked: account,
        amount_fen: String(amount),
        attempt: 1,
      };
    });
    // The batch's hash is made of these bytes; the verify page re-reads the payouts and makes them
    // with CANONICAL_ROWS: the two must agree to the byte, escapes and all.
    expect(json).toBe(chainRows.map(CANONICAL_ROWS.payout_batch.json).join(','));
    expect(JSON.parse(`[${json}]`)).toEqual(chainRows);
    expect(transform.count).toBe(lines.length);
    expect(transform.totalFen).toBe(lines.reduce((sum, l) => sum + l[5], 0n));
  });

  it('gives ids that are version-7 uuids, distinct and in the order written', async () => {
    const { rows } = await convert(encodeLines(lines), [100]);
    const ids = rows.map((r) => r[0] as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The millisecond of the posting leads each id.
    expect(ids[0].replace(/-/g, '').slice(0, 12)).toBe(
      new Date('2026-01-01T00:00:00Z').getTime().toString(16).padStart(12, '0'),
    );
  });

  it('writes an empty COPY for a distribution with no paid line', async () => {
    const { rows, json, transform } = await convert(encodeLines([]), [7]);
    expect(rows).toEqual([]);
    expect(json).toBe('');
    expect(transform.totalFen).toBe(0n);
  });

  it('refuses a stream cut off in the middle of a row', async () => {
    const whole = encodeLines(lines.slice(0, 3));
    await expect(convert(whole.subarray(0, whole.length - 10), [64])).rejects.toThrow(/middle of a row/);
  });

  it('refuses rows of another shape', async () => {
    const bad = Buffer.concat([
      SIGNATURE,
      Buffer.alloc(8),
      Buffer.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]),
    ]);
    await expect(convert(bad, [64])).rejects.toThrow(/2 fields, not 7/);
  });
});
