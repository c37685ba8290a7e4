import { checkSafeInteger, integerFrom, type AmountUnit } from './amount-guards';

declare const pointsBrand: unique symbol;

/**
 * A number of love-supermarket points (爱心积分) as a safe integer. Points are money-like: whole
 * points only, never a fraction. Obtain one from {@link toPoints}, {@link assertPoints} or
 * arithmetic in this library.
 */
export type Points = number & { readonly [pointsBrand]: 'Points' };

const POINTS: AmountUnit = { zh: '积分', en: 'points' };

/** True when `value` is a safe integer, so it can be used as {@link Points} (any sign). */
export function isPoints(value: unknown): value is Points {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Throws a {@link MoneyError} unless `value` is a safe integer number of points. Negative values
 * are allowed (deductions for breaking village rules); balances use {@link assertNonNegativePoints}.
 */
export function assertPoints(value: unknown, label?: string): asserts value is Points {
  checkSafeInteger(value, POINTS, { nonNegative: false, label });
}

/** Like {@link assertPoints} but also refuses negative values (balances, redemption prices). */
export function assertNonNegativePoints(value: unknown, label?: string): asserts value is Points {
  checkSafeInteger(value, POINTS, { nonNegative: true, label });
}

/** Checks and brands a value as points; accepts digit strings from `bigint` columns. */
export function toPoints(value: number | bigint | string, label?: string): Points {
  return integerFrom(value, POINTS, label) as Points;
}
