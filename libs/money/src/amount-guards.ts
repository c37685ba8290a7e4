import { describeValue, MoneyError, MoneyErrorCode } from './money-error';

/** Which unit a value is counted in; only changes the wording of error messages. */
export interface AmountUnit {
  /** e.g. 金额（分） */
  readonly zh: string;
  /** e.g. amount in fen */
  readonly en: string;
}

/**
 * Throws unless `value` is a safe integer (and, when asked, not negative). Shared by the fen and
 * points guards so both reject NaN, fractions and integers beyond 2^53 − 1 in the same words.
 */
export function checkSafeInteger(
  value: unknown,
  unit: AmountUnit,
  options: { nonNegative: boolean; label?: string },
): asserts value is number {
  const name = options.label ? `${options.label}: ` : '';
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MoneyError(
      MoneyErrorCode.NotAnInteger,
      `${name}${unit.zh}必须是整数，收到 ${describeValue(value)}`,
      `${name}${unit.en} must be a whole number, got ${describeValue(value)}`,
    );
  }
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(
      MoneyErrorCode.UnsafeInteger,
      `${name}${unit.zh}超出安全整数范围（±2^53−1），收到 ${describeValue(value)}`,
      `${name}${unit.en} is outside the safe integer range (±2^53−1), got ${describeValue(value)}`,
    );
  }
  if (options.nonNegative && value < 0) {
    throw new MoneyError(
      MoneyErrorCode.Negative,
      `${name}${unit.zh}不能为负数，收到 ${describeValue(value)}`,
      `${name}${unit.en} must not be negative, got ${describeValue(value)}`,
    );
  }
}

/**
 * Converts a database or wire value (number, bigint, or a string of digits as `pg` returns for
 * `bigint` columns) to a safe integer, refusing anything that is not exactly an integer.
 */
export function integerFrom(value: number | bigint | string, unit: AmountUnit, label?: string): number {
  if (typeof value === 'number') {
    checkSafeInteger(value, unit, { nonNegative: false, label });
    return value;
  }
  let big: bigint;
  if (typeof value === 'bigint') {
    big = value;
  } else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) {
    big = BigInt(value.trim());
  } else {
    const name = label ? `${label}: ` : '';
    throw new MoneyError(
      MoneyErrorCode.NotAnInteger,
      `${name}${unit.zh}必须是整数，收到 ${describeValue(value)}`,
      `${name}${unit.en} must be a whole number, got ${describeValue(value)}`,
    );
  }
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    const name = label ? `${label}: ` : '';
    throw new MoneyError(
      MoneyErrorCode.UnsafeInteger,
      `${name}${unit.zh}超出安全整数范围（±2^53−1），收到 ${describeValue(value)}`,
      `${name}${unit.en} is outside the safe integer range (±2^53−1), got ${describeValue(value)}`,
    );
  }
  return Number(big);
}
