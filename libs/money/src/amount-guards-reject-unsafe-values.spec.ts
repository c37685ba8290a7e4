import {
  assertFen,
  assertNonNegativeFen,
  assertNonNegativePoints,
  assertPoints,
  isFen,
  isPoints,
  MoneyError,
  toFen,
  toPoints,
} from './index';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MoneyError ? error.code : 'not a MoneyError';
  }
  return undefined;
}

describe('fen and points guards', () => {
  it.each([0, 1, -1, 123456, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])(
    'accept the safe integer %p',
    (v) => {
      expect(isFen(v)).toBe(true);
      expect(isPoints(v)).toBe(true);
      expect(() => assertFen(v)).not.toThrow();
      expect(() => assertPoints(v)).not.toThrow();
    },
  );

  it.each([
    [1.5, 'NOT_AN_INTEGER'],
    [NaN, 'NOT_AN_INTEGER'],
    [Infinity, 'NOT_AN_INTEGER'],
    ['100', 'NOT_AN_INTEGER'],
    [100n, 'NOT_AN_INTEGER'],
    [null, 'NOT_AN_INTEGER'],
    [undefined, 'NOT_AN_INTEGER'],
    [2 ** 53, 'UNSAFE_INTEGER'],
    [-(2 ** 53), 'UNSAFE_INTEGER'],
  ])('reject %p with %s', (value, code) => {
    expect(isFen(value)).toBe(false);
    expect(codeOf(() => assertFen(value))).toBe(code);
    expect(codeOf(() => assertPoints(value))).toBe(code);
  });

  it('refuse negatives only in the non-negative variants', () => {
    expect(() => assertFen(-5)).not.toThrow();
    expect(codeOf(() => assertNonNegativeFen(-5))).toBe('NEGATIVE');
    expect(codeOf(() => assertNonNegativePoints(-1))).toBe('NEGATIVE');
    expect(() => assertNonNegativeFen(0)).not.toThrow();
  });

  it('explain the problem in Chinese and English, naming the field', () => {
    expect(() => assertFen(0.1, 'unitPriceFen')).toThrow(
      'unitPriceFen: 金额（分）必须是整数，收到 0.1 / unitPriceFen: amount in fen must be a whole number, got 0.1',
    );
    expect(() => assertPoints(NaN)).toThrow(/积分必须是整数.*points must be a whole number, got NaN/);
  });

  it('convert pg bigint strings and bigints, but never fractions', () => {
    expect(toFen('123456')).toBe(123456);
    expect(toFen(' -42 ')).toBe(-42);
    expect(toFen(7n)).toBe(7);
    expect(toPoints('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(codeOf(() => toFen('9007199254740992'))).toBe('UNSAFE_INTEGER');
    expect(codeOf(() => toFen('12.5'))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => toPoints(''))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => toFen(0.5))).toBe('NOT_AN_INTEGER');
  });
});
