/**
 * Why a money or points operation was refused. Codes are stable so that callers (HTTP filters,
 * import jobs) can map them to statuses and their own wording.
 */
export const MoneyErrorCode = {
  NotAnInteger: 'NOT_AN_INTEGER',
  UnsafeInteger: 'UNSAFE_INTEGER',
  Negative: 'NEGATIVE',
  InvalidAmountText: 'INVALID_AMOUNT_TEXT',
  TooManyDecimals: 'TOO_MANY_DECIMALS',
  Overflow: 'OVERFLOW',
  InvalidQuantity: 'INVALID_QUANTITY',
  InvalidTotal: 'INVALID_TOTAL',
  InvalidWeights: 'INVALID_WEIGHTS',
  InvalidOptions: 'INVALID_OPTIONS',
} as const;

/** One of the {@link MoneyErrorCode} values. */
export type MoneyErrorCode = (typeof MoneyErrorCode)[keyof typeof MoneyErrorCode];

/**
 * Thrown for invalid amounts and impossible arithmetic. The message carries Chinese and English
 * because it may reach a village clerk as well as a developer's log.
 */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  constructor(
    readonly code: MoneyErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

/** Renders a rejected value for an error message without trusting its type. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'undefined':
      return 'undefined';
    default:
      return value === null ? 'null' : typeof value;
  }
}
