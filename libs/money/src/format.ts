import { assertPoints } from './points';
import { splitFen } from './yuan-text';

/** Options for {@link formatFen}. */
export interface FormatFenOptions {
  /** Currency sign put after the minus sign. Default `'¥'`; pass `''` for none. */
  readonly symbol?: string;
  /** Insert thousands separators. Default true. */
  readonly grouping?: boolean;
}

/** Inserts a comma every three digits from the right of a digit string. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats fen for display: 123456 → `'¥1,234.56'`, −123456 → `'-¥1,234.56'`, 5 → `'¥0.05'`.
 * Built by string slicing rather than `Intl`, so every browser, kiosk and receipt printer shows
 * the same characters.
 */
export function formatFen(fen: number, options: FormatFenOptions = {}): string {
  const { symbol = '¥', grouping = true } = options;
  const { negative, yuanDigits, fenDigits } = splitFen(fen);
  const yuan = grouping ? groupThousands(yuanDigits) : yuanDigits;
  return `${negative ? '-' : ''}${symbol}${yuan}.${fenDigits}`;
}

/** Formats points with thousands separators: 12345 → `'12,345'`, −20 → `'-20'`. */
export function formatPoints(points: number, options: { readonly grouping?: boolean } = {}): string {
  assertPoints(points);
  const digits = String(Math.abs(points));
  return `${points < 0 ? '-' : ''}${options.grouping === false ? digits : groupThousands(digits)}`;
}
