import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Reader, Writer } from '../lib/codec';
import { PartitionLog } from '../lib/partition-log';
import { crc32c, decodeRecords, encodeBatch, readHeader, splitBatches } from '../lib/record-batch';

const CORRUPT_MESSAGE = 2;

describe('codec and record batches', () => {
  it('computes CRC-32C (Castagnoli)', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });

  it('round-trips varints, compact strings and tagged fields', () => {
    const values = [0, 1, -1, 63, -64, 64, 300, -300, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, -(2 ** 40)];
    const w = new Writer();
    for (const v of values) w.varint(v);
    w.uvarint(2 ** 35)
      .compactString('héllo')
      .compactString(null)
      .taggedFields()
      .string('x')
      .int64(2 ** 50);
    const r = new Reader(w.toBuffer());
    expect(values.map(() => r.varint())).toEqual(values);
    expect(r.uvarint()).toBe(2 ** 35);
    expect(r.compactString()).toBe('héllo');
    expect(r.compactString()).toBeNull();
    r.taggedFields();
    expect(r.string()).toBe('x');
    expect(r.int64()).toBe(2 ** 50);
    expect(r.remaining()).toBe(0);
    expect(() => r.int8()).toThrow(/truncated/);
  });

  it.each(['none', 'gzip'] as const)(
    'encodes and decodes records with keys, null values and headers (%s)',
    (compression) => {
      const records = [
        { key: 'a', value: 'one', headers: { h1: 'x', h2: '' }, timestamp: 1_700_000_000_000 },
        { key: null, value: 'two'.repeat(1000), timestamp: 1_700_000_000_005 },
        { key: 'c', value: null, timestamp: 1_700_000_000_001 },
      ];
      const batch = encodeBatch({ records, compression, baseOffset: 42 });
      const h = readHeader(batch);
      expect(h).toEqual(
        expect.objectContaining({
          baseOffset: 42,
          magic: 2,
          recordCount: 3,
          lastOffsetDelta: 2,
          size: batch.length,
          maxTimestamp: 1_700_000_000_005,
        }),
      );
      expect(h.attributes & 7).toBe(compression === 'gzip' ? 1 : 0);
      const decoded = decodeRecords(batch);
      expect(
        decoded.map((d) => [d.offset, d.timestamp, d.key?.toString() ?? null, d.value?.toString() ?? null]),
      ).toEqual([
        [42, 1_700_000_000_000, 'a', 'one'],
        [43, 1_700_000_000_005, null, 'two'.repeat(1000)],
        [44, 1_700_000_000_001, 'c', null],
      ]);
      expect(decoded[0].headers.map((x) => [x.key, x.value?.toString()])).toEqual([
        ['h1', 'x'],
        ['h2', ''],
      ]);
      expect(splitBatches(Buffer.concat([batch, batch])).batches).toHaveLength(2);
    },
  );

  it('rejects corrupt batches: bad CRC, truncation, wrong magic, lying record count', () => {
    const batch = encodeBatch({ records: [{ value: 'v' }] });
    const flipped = Buffer.from(batch);
    flipped[flipped.length - 1] ^= 1;
    expect(splitBatches(flipped).error).toBe(CORRUPT_MESSAGE);
    expect(splitBatches(batch.subarray(0, batch.length - 1)).error).toBe(CORRUPT_MESSAGE);
    expect(splitBatches(null).error).toBe(CORRUPT_MESSAGE);
    const magic = Buffer.from(batch);
    magic[16] = 1;
    expect(splitBatches(magic).error).not.toBe(0);
    const count = Buffer.from(batch);
    count.writeInt32BE(2, 57); // says 2 records (CRC recomputed so only the content check can notice)
    count.writeInt32BE(1, 23);
    count.writeUInt32BE(crc32c(count, 21), 17);
    expect(splitBatches(count).error).toBe(CORRUPT_MESSAGE);
  });

  it('recovers a partition log file, truncating a torn tail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-kafka-log-'));
    try {
      const file = path.join(dir, '0.log');
      const log = new PartitionLog({ file, fsync: 'never' });
      log.append([encodeBatch({ records: [{ value: 'a' }, { value: 'b' }] })]);
      log.append([encodeBatch({ records: [{ value: 'c' }] })]);
      log.close();
      const good = fs.statSync(file).size;
      fs.appendFileSync(file, encodeBatch({ records: [{ value: 'torn' }] }).subarray(0, 70));

      const warnings: string[] = [];
      const reopened = new PartitionLog({ file, fsync: 'never', warn: (m) => warnings.push(m) });
      expect(reopened.nextOffset).toBe(3);
      expect(fs.statSync(file).size).toBe(good);
      expect(warnings).toEqual([expect.stringContaining('truncating 70 bytes')]);
      expect(
        reopened
          .read(2, 1 << 20)
          .flatMap((b) => decodeRecords(b))
          .map((r) => [r.offset, r.value?.toString()]),
      ).toEqual([[2, 'c']]);
      expect(reopened.append([encodeBatch({ records: [{ value: 'd' }] })]).baseOffset).toBe(3);
      reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
