import { assertFen, type Fen } from './fen';
import { describeValue, MoneyError, MoneyErrorCode } from './money-error';
import { assertPoints, type Points } from './points';
import { divideRounded, type RoundingMode } from './rounding';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function overflow(what: string): MoneyError {
  return new MoneyError(
    MoneyErrorCode.Overflow,
    `计算结果超出安全整数范围（${what}）`,
    `The result is outside the safe integer range (${what})`,
  );
}

// The sum of two safe integers is exact whenever it is itself safe; when the true sum is not,
// the rounded double is not safe either, so checking the result is enough.
function checkedSum(result: number, what: string): number {
  if (!Number.isSafeInteger(result)) throw overflow(what);
  return result;
}

/** Adds two fen amounts; throws `OVERFLOW` instead of losing precision beyond 2^53 − 1. */
export function addFen(a: number, b: number): Fen {
  assertFen(a, 'a');
  assertFen(b, 'b');
  return checkedSum(a + b, 'addFen') as Fen;
}

/** Subtracts `b` from `a` in fen; throws `OVERFLOW` instead of losing precision. */
export function subFen(a: number, b: number): Fen {
  assertFen(a, 'a');
  assertFen(b, 'b');
  return checkedSum(a - b, 'subFen') as Fen;
}

/**
 * Sums fen amounts from any iterable (arrays, generators, `Map.values()`); an empty input sums to 0.
 * Throws `OVERFLOW` as soon as a running total leaves the safe range.
 */
export function sumFen(values: Iterable<number>): Fen {
  let total = 0;
  let index = 0;
  for (const value of values) {
    assertFen(value, `values[${index++}]`);
    total = checkedSum(total + value, 'sumFen');
  }
  return total as Fen;
}

/** Adds two point amounts; throws `OVERFLOW` instead of losing precision. */
export function addPoints(a: number, b: number): Points {
  assertPoints(a, 'a');
  assertPoints(b, 'b');
  return checkedSum(a + b, 'addPoints') as Points;
}

/** Subtracts `b` from `a` in points; throws `OVERFLOW` instead of losing precision. */
export function subPoints(a: number, b: number): Points {
  assertPoints(a, 'a');
  assertPoints(b, 'b');
  return checkedSum(a - b, 'subPoints') as Points;
}

/** Sums point amounts from any iterable; an empty input sums to 0. */
export function sumPoints(values: Iterable<number>): Points {
  let total = 0;
  let index = 0;
  for (const value of values) {
    assertPoints(value, `values[${index++}]`);
    total = checkedSum(total + value, 'sumPoints');
  }
  return total as Points;
}

/** Options for {@link multiplyFen}. */
export interface MultiplyFenOptions {
  /** How to settle a fraction of a fen. Default `'half-up'` (四舍五入). */
  readonly rounding?: RoundingMode;
}

const QUANTITY_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Reads a quantity as an exact decimal: mantissa × 10^−scale. */
function parseQuantity(quantity: string | number | bigint): { mantissa: bigint; scale: number } {
  if (typeof quantity === 'bigint') return { mantissa: quantity, scale: 0 };
  if (typeof quantity === 'number') {
    if (Number.isSafeInteger(quantity)) return { mantissa: BigInt(quantity), scale: 0 };
    // A fractional number has already been rounded to binary; refuse rather than guess.
    throw new MoneyError(
      MoneyErrorCode.InvalidQuantity,
      `小数数量请以字符串传入（如 '12.345'），收到 ${describeValue(quantity)}`,
      `Pass fractional quantities as decimal strings (e.g. '12.345'), got ${describeValue(quantity)}`,
    );
  }
  const match = typeof quantity === 'string' ? QUANTITY_PATTERN.exec(quantity.trim()) : null;
  if (!match) {
    throw new MoneyError(
      MoneyErrorCode.InvalidQuantity,
      `无法识别的数量：${describeValue(quantity)}（示例：12.345）`,
      `Not a valid decimal quantity: ${describeValue(quantity)} (example: 12.345)`,
    );
  }
  const [, sign, whole, decimals = ''] = match;
  const magnitude = BigInt(whole + decimals);
  return { mantissa: sign === '-' ? -magnitude : magnitude, scale: decimals.length };
}

/**
 * Multiplies a unit price in fen by a decimal quantity (kilograms, jin, hours) and rounds to a
 * whole fen, exactly, in bigint: `multiplyFen(1280, '12.345')` = 15801.6 → 15802.
 * @param unitPriceFen price per unit, a safe integer of fen.
 * @param quantity a decimal string such as `'12.345'`, or an integer (number or bigint).
 * @throws MoneyError `INVALID_QUANTITY` for fractional numbers or malformed text, `OVERFLOW` when
 * the result leaves the safe integer range.
 */
export function multiplyFen(
  unitPriceFen: number,
  quantity: string | number | bigint,
  options: MultiplyFenOptions = {},
): Fen {
  assertFen(unitPriceFen, 'unitPriceFen');
  const { mantissa, scale } = parseQuantity(quantity);
  const product = divideRounded(
    BigInt(unitPriceFen) * mantissa,
    10n ** BigInt(scale),
    options.rounding ?? 'half-up',
  );
  if (product > MAX_SAFE || product < -MAX_SAFE) throw overflow('multiplyFen');
  return Number(product) as Fen;
}
