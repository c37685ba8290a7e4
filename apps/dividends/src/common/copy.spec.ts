import { copyField, timeOrderedIds } from './copy';

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

describe('copyField', () => {
  it('escapes what COPY treats specially and writes null as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\r')).toBe('a\\tb\\nc\\\\d\\r');
    expect(copyField('张三')).toBe('张三');
  });
});
