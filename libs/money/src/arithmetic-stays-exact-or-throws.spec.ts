import { addFen, addPoints, MoneyError, multiplyFen, subFen, subPoints, sumFen, sumPoints } from './index';

const MAX = Number.MAX_SAFE_INTEGER;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MoneyError ? error.code : 'not a MoneyError';
  }
  return undefined;
}

describe('addFen, subFen, sumFen', () => {
  it('add and subtract whole fen', () => {
    expect(addFen(10, 5)).toBe(15);
    expect(subFen(10, 15)).toBe(-5);
    expect(addFen(MAX - 1, 1)).toBe(MAX);
  });

  it('throw OVERFLOW instead of silently losing a fen past 2^53 − 1', () => {
    expect(codeOf(() => addFen(MAX, 1))).toBe('OVERFLOW');
    expect(codeOf(() => subFen(-MAX, 1))).toBe('OVERFLOW');
    expect(codeOf(() => sumFen([MAX, 1]))).toBe('OVERFLOW');
  });

  it('sum any iterable, empty to zero', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen(new Set([1, 2, 3]))).toBe(6);
    function* amounts() {
      yield 70000;
      yield -100;
    }
    expect(sumFen(amounts())).toBe(69900);
  });

  it('refuse floats among the inputs, naming the position', () => {
    expect(() => sumFen([1, 0.5])).toThrow(/values\[1\]/);
    expect(codeOf(() => addFen(0.1, 0.2))).toBe('NOT_AN_INTEGER');
  });
});

describe('addPoints, subPoints, sumPoints', () => {
  it('work like their fen counterparts', () => {
    expect(addPoints(100, 20)).toBe(120);
    expect(subPoints(100, 120)).toBe(-20);
    expect(sumPoints([5, 10, -3])).toBe(12);
    expect(codeOf(() => addPoints(MAX, MAX))).toBe('OVERFLOW');
    expect(codeOf(() => sumPoints([1.5]))).toBe('NOT_AN_INTEGER');
  });
});

describe('multiplyFen', () => {
  it('prices 12.345 kg at ¥12.80/kg exactly, rounding half-up', () => {
    // 1280 × 12.345 = 15801.6 fen
    expect(multiplyFen(1280, '12.345')).toBe(15802);
  });

  it('rounds an exact half away from zero by default', () => {
    expect(multiplyFen(1, '0.5')).toBe(1);
    expect(multiplyFen(1, '2.5')).toBe(3);
    expect(multiplyFen(-1, '2.5')).toBe(-3);
    expect(multiplyFen(3, '0.1')).toBe(0); // 0.3 fen
  });

  it('honours the other rounding modes', () => {
    expect(multiplyFen(1, '2.5', { rounding: 'half-even' })).toBe(2);
    expect(multiplyFen(1, '3.5', { rounding: 'half-even' })).toBe(4);
    expect(multiplyFen(1, '2.51', { rounding: 'half-even' })).toBe(3);
    expect(multiplyFen(199, '0.01', { rounding: 'down' })).toBe(1);
    expect(multiplyFen(-199, '0.01', { rounding: 'down' })).toBe(-1);
    expect(multiplyFen(101, '0.01', { rounding: 'up' })).toBe(2);
    expect(multiplyFen(-101, '0.01', { rounding: 'up' })).toBe(-2);
  });

  it('is exact where doubles are not', () => {
    // 0.1 + 0.2 style traps: 1.005 × 100 is 100.49999… in binary.
    expect(multiplyFen(100, '1.005')).toBe(101);
    expect(multiplyFen(1, '1234567890.123456789', { rounding: 'down' })).toBe(1234567890);
  });

  it('accepts integer quantities as numbers or bigints, and negative quantities for returns', () => {
    expect(multiplyFen(350, 12)).toBe(4200);
    expect(multiplyFen(350, 12n)).toBe(4200);
    expect(multiplyFen(350, '-2')).toBe(-700);
  });

  it('refuses float quantities and malformed text', () => {
    expect(codeOf(() => multiplyFen(100, 1.5))).toBe('INVALID_QUANTITY');
    expect(() => multiplyFen(100, 1.5)).toThrow(/字符串/);
    for (const bad of ['', '1e3', '.5', '5.', '1,000', 'abc', '--1']) {
      expect(codeOf(() => multiplyFen(100, bad))).toBe('INVALID_QUANTITY');
    }
  });

  it('throws OVERFLOW when the product leaves the safe range', () => {
    expect(codeOf(() => multiplyFen(MAX, '2'))).toBe('OVERFLOW');
    expect(multiplyFen(MAX, '1.0000')).toBe(MAX);
  });
});
