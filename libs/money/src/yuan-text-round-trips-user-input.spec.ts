import { fenToYuanString, MoneyError, parseYuanToFen } from './index';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MoneyError ? error.code : 'not a MoneyError';
  }
  return undefined;
}

describe('parseYuanToFen', () => {
  it.each([
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['0.05', 5],
    ['0.5', 50],
    ['12', 1200],
    ['12元', 1200],
    ['¥1,234.56', 123456],
    ['￥700', 70000],
    ['  3.10 ', 310],
    ['+8', 800],
    ['１，２３４．５６', 123456],
    ['1,000,000', 100000000],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['-0.00', 0],
  ])('reads %p as %p fen', (input, fen) => {
    expect(Object.is(parseYuanToFen(input), fen)).toBe(true);
  });

  it.each(['', ' ', 'abc', '1.2.3', '1e3', '12,34', '1,2345', ',123', '.5', '5.', '0x10', '¥', 'NaN', '١٢'])(
    'rejects garbage %p',
    (input) => {
      expect(codeOf(() => parseYuanToFen(input))).toBe('INVALID_AMOUNT_TEXT');
    },
  );

  it('rejects more than two decimals instead of rounding them away', () => {
    expect(codeOf(() => parseYuanToFen('1.005'))).toBe('TOO_MANY_DECIMALS');
    expect(() => parseYuanToFen('0.001')).toThrow(/最多两位小数.*at most two decimals/);
  });

  it('rejects negative amounts unless asked to allow them', () => {
    expect(codeOf(() => parseYuanToFen('-1.50'))).toBe('NEGATIVE');
    expect(parseYuanToFen('-1.50', { allowNegative: true })).toBe(-150);
    expect(parseYuanToFen('-¥1,234.56', { allowNegative: true })).toBe(-123456);
  });

  it('rejects amounts beyond the safe integer range', () => {
    expect(codeOf(() => parseYuanToFen('90071992547409.92'))).toBe('UNSAFE_INTEGER');
  });

  it('rejects non-strings at run time', () => {
    expect(codeOf(() => parseYuanToFen(12 as unknown as string))).toBe('INVALID_AMOUNT_TEXT');
  });
});

describe('fenToYuanString', () => {
  it.each([
    [123456, '1234.56'],
    [5, '0.05'],
    [50, '0.50'],
    [0, '0.00'],
    [-5, '-0.05'],
    [-123456, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('writes %p fen as %p', (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });

  it('round-trips through parseYuanToFen', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 101, 123456, -77, 2 ** 40 + 3]) {
      expect(parseYuanToFen(fenToYuanString(fen), { allowNegative: true })).toBe(fen);
    }
  });

  it('refuses fractional fen', () => {
    expect(codeOf(() => fenToYuanString(1.5))).toBe('NOT_AN_INTEGER');
  });
});
