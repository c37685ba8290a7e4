import { formatFen, formatPoints } from './index';

describe('formatFen', () => {
  it.each([
    [123456, '¥1,234.56'],
    [-123456, '-¥1,234.56'],
    [5, '¥0.05'],
    [0, '¥0.00'],
    [70000, '¥700.00'],
    [100000000, '¥1,000,000.00'],
    [-1, '-¥0.01'],
  ])('shows %p fen as %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('can drop the symbol or the grouping', () => {
    expect(formatFen(123456, { symbol: '' })).toBe('1,234.56');
    expect(formatFen(123456, { grouping: false })).toBe('¥1234.56');
    expect(formatFen(-123456, { symbol: 'CNY ' })).toBe('-CNY 1,234.56');
  });

  it('refuses floats rather than rounding them', () => {
    expect(() => formatFen(12.5)).toThrow(/必须是整数/);
  });
});

describe('formatPoints', () => {
  it.each([
    [12345, '12,345'],
    [999, '999'],
    [1000, '1,000'],
    [0, '0'],
    [-20, '-20'],
    [-1234567, '-1,234,567'],
  ])('shows %p points as %p', (points, text) => {
    expect(formatPoints(points)).toBe(text);
  });

  it('can drop the grouping', () => {
    expect(formatPoints(12345, { grouping: false })).toBe('12345');
  });
});
