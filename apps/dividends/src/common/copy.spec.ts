import { binaryCopyChunks, timeOrderedIds } from './copy';

describe('timeOrderedIds', () => {
  it('makes version-7 UUIDs that carry the millisecond and sort in the order they were made', () => {
    const at = new Date('2026-12-02T13:00:00.000Z');
    const next = timeOrderedIds(at);
    const ids = Array.from({ length: 20_000 }, next);
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !v7.test(id))).toEqual([]);
    expect(new Set(ids.map((id) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16)))).toEqual(
      new Set([at.getTime()]),
    );
    expect(ids.filter((id, i) => i > 0 && ids[i - 1] >= id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives two sources made in the same millisecond different ids', () => {
    const at = new Date();
    const a = Array.from({ length: 1000 }, timeOrderedIds(at));
    const b = new Set(Array.from({ length: 1000 }, timeOrderedIds(at)));
    expect(a.some((id) => b.has(id))).toBe(false);
  });
});

describe('binaryCopyChunks', () => {
  const uuid = '0192d6a4-7c1e-7abc-8def-0123456789ab';
  const field = (hex: string) => Buffer.concat([int32(hex.length / 2), Buffer.from(hex, 'hex')]);
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  const row = (...fields: Buffer[]) => Buffer.concat([Buffer.from([0, fields.length]), ...fields]);
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int32(0), int32(0)]);
  const trailer = Buffer.from([0xff, 0xff]);

  it("writes COPY's binary format: signature, rows of uuid, text, bigint and null fields, end marker", () => {
    const text = Buffer.from('张三', 'utf8');
    const rows = [
      [uuid, '张三', -5n, null],
      [uuid.toUpperCase(), '', '9007199254740993', 'x'],
    ];
    const out = Buffer.concat([...binaryCopyChunks(['uuid', 'text', 'int8', 'text'], rows)]);
    expect(out).toEqual(
      Buffer.concat([
        header,
        row(
          field(uuid.replace(/-/g, '')),
          Buffer.concat([int32(text.length), text]),
          field('fffffffffffffffb'),
          int32(-1),
        ),
        row(field(uuid.replace(/-/g, '')), int32(0), field('0020000000000001'), field('78')),
        trailer,
      ]),
    );
  });

  it('sends a value that repeats down its column as the same bytes, across chunks', () => {
    const rows = Array.from({ length: 7 }, (_, i) => [uuid, String(i)]);
    const chunks = [...binaryCopyChunks(['uuid', 'int8'], rows, 3)];
    expect(chunks).toHaveLength(3);
    const expected = Buffer.concat([
      header,
      ...rows.map((_, i) => row(field(uuid.replace(/-/g, '')), field(i.toString(16).padStart(16, '0')))),
      trailer,
    ]);
    expect(Buffer.concat(chunks)).toEqual(expected);
  });

  it('refuses what is not a uuid and a row of the wrong width', () => {
    expect(() => [...binaryCopyChunks(['uuid'], [['0192d6a4-7c1e-7abc-8def-0123456789ag']])]).toThrow(
      /not a uuid/,
    );
    expect(() => [...binaryCopyChunks(['uuid'], [['0192d6a47c1e7abc8def0123456789ab']])]).toThrow(
      /not a uuid/,
    );
    expect(() => [...binaryCopyChunks(['uuid', 'text'], [[uuid]])]).toThrow(/1 values for 2 columns/);
  });
});
