import { allocate, allocateByRatios, MoneyError } from './index';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MoneyError ? error.code : 'not a MoneyError';
  }
  return undefined;
}

describe('allocate by largest remainder', () => {
  it('gives the odd fen of 100 split three ways to the first of equals', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives leftover units to the largest remainders, not the largest weights', () => {
    // exact shares 1.43, 2.86, 5.71 → floors 1, 2, 5; one unit left → the .86
    expect(allocate(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });

  it('breaks equal remainders by larger weight, then lower index', () => {
    // shares of 5 by [1, 1, 2, 2]: 0.833…, 0.833…, 1.666…, 1.666… → floors 0,0,1,1; 3 left
    // remainders equal for 0 and 1 (5/6) and for 2 and 3 (4/6): 0, 1 then 2 (lower index)
    expect(allocate(5, [1, 1, 2, 2])).toEqual([1, 1, 2, 1]);
    // equal remainders with different weights: [1, 3] of 2 → 0.5, 1.5 → the weight 3 gets it
    expect(allocate(2, [1, 3])).toEqual([0, 2]);
  });

  it('gives zero weights nothing', () => {
    expect(allocate(7, [0, 1, 0, 1, 0])).toEqual([0, 4, 0, 3, 0]);
  });

  it('returns the whole total to a single weight, and zeros for a zero total', () => {
    expect(allocate(123456, [9])).toEqual([123456]);
    expect(allocate(0, [1, 2, 3])).toEqual([0, 0, 0]);
  });

  it('returns bigints for a bigint total, numbers for a number total', () => {
    expect(allocate(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(allocate(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
  });

  it('handles shares × days far beyond 2^53 exactly', () => {
    const weights = [10n ** 30n + 1n, 10n ** 30n, 3n * 10n ** 29n];
    const parts = allocate(10_000_000_000_000n, weights);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(10_000_000_000_000n);
    expect(parts).toEqual([4347826086957n, 4347826086956n, 1304347826087n]);
  });

  it('takes the bigint route when number weights multiply past 2^53, with the same answer', () => {
    const weights = [2 ** 40 + 1, 2 ** 40 + 3, 7];
    const asBig = allocate(BigInt(2 ** 45), weights.map(BigInt)).map(Number);
    expect(allocate(2 ** 45, weights)).toEqual(asBig);
  });

  it('uses a custom tie-break when given', () => {
    // prefer the highest index instead
    expect(allocate(100, [1, 1, 1], { tieBreak: (i, j) => j - i })).toEqual([33, 33, 34]);
  });

  it('settles ties by key so input order does not matter', () => {
    const a = allocate(100, [1, 1, 1], { keys: ['hh-3', 'hh-1', 'hh-2'] });
    expect(a).toEqual([33, 34, 33]);
    const b = allocate(100, [1, 1, 1], { keys: ['hh-1', 'hh-2', 'hh-3'] });
    expect(b).toEqual([34, 33, 33]);
  });

  it('treats a number weight and an equal bigint weight as equal when breaking ties', () => {
    const forward = allocate(1n, [1, 1n], { keys: ['b', 'a'] });
    const backward = allocate(1n, [1n, 1], { keys: ['a', 'b'] });
    expect(forward).toEqual([0n, 1n]);
    expect(backward).toEqual([1n, 0n]);
  });

  it('orders keys by code unit, not by locale', () => {
    expect(allocate(1, [1, 1], { keys: ['b', 'B'] })).toEqual([0, 1]);
  });

  it('rejects a duplicate key that would have to settle a tie', () => {
    expect(codeOf(() => allocate(1, [1, 1], { keys: ['x', 'x'] }))).toBe('INVALID_OPTIONS');
    expect(() => allocate(1, [1, 1], { keys: ['x', 'x'] })).toThrow(/重复.*Duplicate key "x"/);
  });

  it.each([
    ['a negative total', () => allocate(-1, [1])],
    ['a fractional total', () => allocate(1.5, [1])],
    ['an unsafe total', () => allocate(2 ** 53, [1])],
  ])('rejects %s with INVALID_TOTAL', (_name, fn) => {
    expect(codeOf(fn)).toBe('INVALID_TOTAL');
  });

  it.each([
    ['all-zero weights', () => allocate(10, [0, 0])],
    ['all-zero bigint weights', () => allocate(10n, [0n, 0n])],
    ['no weights', () => allocate(10, [])],
    ['a negative weight', () => allocate(10, [1, -1])],
    ['a negative bigint weight', () => allocate(10, [1n, -1n])],
    ['a fractional weight', () => allocate(10, [0.5, 1])],
    ['a NaN weight', () => allocate(10, [NaN])],
  ])('rejects %s with INVALID_WEIGHTS', (_name, fn) => {
    expect(codeOf(fn)).toBe('INVALID_WEIGHTS');
  });

  it('explains all-zero weights in both languages', () => {
    expect(() => allocate(10, [0])).toThrow(
      '权重全为零（或为空），无法分配 / Cannot allocate: all weights are zero (or there are none)',
    );
  });

  it('rejects keys of the wrong length, and keys together with tieBreak', () => {
    expect(codeOf(() => allocate(10, [1, 2], { keys: ['a'] }))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => allocate(10, [1, 2], { keys: ['a', 'b'], tieBreak: () => 0 }))).toBe(
      'INVALID_OPTIONS',
    );
  });

  it('splits a million households exactly', () => {
    const weights = Array.from({ length: 1_000_000 }, (_, i) => (i % 7) + 1);
    const parts = allocate(2_000_000_000, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(2_000_000_000);
  });
});

describe('allocateByRatios', () => {
  it('splits a photovoltaic income 55 / 30 / 15', () => {
    expect(allocateByRatios(1_000_001, { wages: 55, support: 30, works: 15 })).toEqual({
      wages: 550_001,
      support: 300_000,
      works: 150_000,
    });
  });

  it('does not depend on the order the buckets were written in', () => {
    const a = allocateByRatios(2, { c: 1, a: 1, b: 1 });
    const b = allocateByRatios(2, { a: 1, b: 1, c: 1 });
    expect(a).toEqual(b);
    expect(a).toEqual({ a: 1, b: 1, c: 0 });
  });

  it('keeps bigint totals bigint', () => {
    expect(allocateByRatios(10n, { x: 1n, y: 1n })).toEqual({ x: 5n, y: 5n });
  });
});
