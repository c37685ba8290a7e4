import { checkSafeInteger, integerFrom, type AmountUnit } from './amount-guards';

declare const fenBrand: unique symbol;

/**
 * An amount of money in fen (分, 1/100 yuan) as a safe integer. The brand keeps a raw number (a
 * yuan figure, a float, a count of points) from being passed where fen are expected; obtain one
 * from {@link toFen}, {@link assertFen}, parsing or arithmetic in this library.
 */
export type Fen = number & { readonly [fenBrand]: 'Fen' };

const FEN: AmountUnit = { zh: '金额（分）', en: 'amount in fen' };

/** True when `value` is a safe integer, so it can be used as {@link Fen} (any sign). */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Throws a {@link MoneyError} unless `value` is a safe integer number of fen. Negative amounts are
 * allowed (refunds, reversals); use {@link assertNonNegativeFen} for prices and payments.
 * @param label names the field in the error message, e.g. `unitPriceFen`.
 */
export function assertFen(value: unknown, label?: string): asserts value is Fen {
  checkSafeInteger(value, FEN, { nonNegative: false, label });
}

/** Like {@link assertFen} but also refuses negative amounts. */
export function assertNonNegativeFen(value: unknown, label?: string): asserts value is Fen {
  checkSafeInteger(value, FEN, { nonNegative: true, label });
}

/**
 * Checks and brands a value as fen. Accepts the string form `pg` returns for `bigint` columns
 * (`'123456'`) and bigints within the safe range; never accepts fractions.
 */
export function toFen(value: number | bigint | string, label?: string): Fen {
  return integerFrom(value, FEN, label) as Fen;
}
