import { assertFen, type Fen } from './fen';
import { describeValue, MoneyError, MoneyErrorCode } from './money-error';

/** Options for {@link parseYuanToFen}. */
export interface ParseYuanOptions {
  /** Accept a leading minus sign (refunds, adjustments). Default false: prices and payments. */
  readonly allowNegative?: boolean;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// Kiosk and admin users type on Chinese IMEs, which produce full-width digits and punctuation.
function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/－/g, '-')
    .replace(/＋/g, '+');
}

// Commas, when present, must group thousands correctly: '1,234' yes, '12,34' no (likely a typo).
const YUAN_PATTERN = /^([+-]?)[¥￥]?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?元?$/;

function invalid(input: unknown): MoneyError {
  return new MoneyError(
    MoneyErrorCode.InvalidAmountText,
    `无法识别的金额：${describeValue(input)}（示例：1,234.56）`,
    `Not a valid yuan amount: ${describeValue(input)} (example: 1,234.56)`,
  );
}

/**
 * Parses a yuan amount typed by a person into fen, using string and bigint arithmetic only so no
 * binary fraction ever touches the value: `'1,234.56'` → 123456, `'¥0.5'` → 50, `'12元'` → 1200.
 * Accepts an optional currency sign, thousands separators in correct groups, full-width digits,
 * and at most two decimals; refuses more decimals (a fen cannot be split), exponents, blanks and
 * anything else.
 * @throws MoneyError `INVALID_AMOUNT_TEXT`, `TOO_MANY_DECIMALS`, `NEGATIVE` or `UNSAFE_INTEGER`.
 */
export function parseYuanToFen(input: string, options: ParseYuanOptions = {}): Fen {
  if (typeof input !== 'string') throw invalid(input);
  const text = toHalfWidth(input).replace(/\s+/g, '');
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw invalid(input);
  const [, sign, integerDigits, decimals = ''] = match;
  if (decimals.length > 2) {
    throw new MoneyError(
      MoneyErrorCode.TooManyDecimals,
      `金额最多两位小数（精确到分），收到 ${describeValue(input)}`,
      `A yuan amount has at most two decimals (to the fen), got ${describeValue(input)}`,
    );
  }
  const magnitude = BigInt(integerDigits.replace(/,/g, '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (sign === '-' && magnitude !== 0n && !options.allowNegative) {
    throw new MoneyError(
      MoneyErrorCode.Negative,
      `金额不能为负数，收到 ${describeValue(input)}`,
      `The amount must not be negative, got ${describeValue(input)}`,
    );
  }
  if (magnitude > MAX_SAFE) {
    throw new MoneyError(
      MoneyErrorCode.UnsafeInteger,
      `金额过大，收到 ${describeValue(input)}`,
      `The amount is too large, got ${describeValue(input)}`,
    );
  }
  // Via bigint so that '-0.00' yields 0, never -0.
  return Number(sign === '-' ? -magnitude : magnitude) as Fen;
}

/** Splits a fen amount into sign, whole-yuan digits and the two fen digits, by string slicing. */
export function splitFen(fen: number): { negative: boolean; yuanDigits: string; fenDigits: string } {
  assertFen(fen);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return { negative: fen < 0, yuanDigits: digits.slice(0, -2), fenDigits: digits.slice(-2) };
}

/**
 * Writes fen as a plain yuan decimal with exactly two decimals and no grouping, for inputs, CSV
 * and bank files: 123456 → `'1234.56'`, 5 → `'0.05'`, −5 → `'-0.05'`. Inverse of {@link parseYuanToFen}.
 */
export function fenToYuanString(fen: number): string {
  const { negative, yuanDigits, fenDigits } = splitFen(fen);
  return `${negative ? '-' : ''}${yuanDigits}.${fenDigits}`;
}
