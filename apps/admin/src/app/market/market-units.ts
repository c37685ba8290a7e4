import { fenToYuanString, multiplyFen, parseYuanToFen } from '@fupin/money';

// People type on Chinese IMEs, which give full-width digits and points.
function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/\s+/g, '');
}

const KG_PATTERN = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

/** A weight typed in kilograms with at most three decimals as whole grams ('12.345' → 12345), or null. */
export function parseKgToGrams(text: string): number | null {
  const match = KG_PATTERN.exec(halfWidth(text));
  if (!match) return null;
  const grams = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return grams > 0 ? grams : null;
}

/** Whole grams as a kilogram decimal with three places, by string slicing: 12345 → '12.345'. */
export function gramsToKg(grams: number): string {
  const digits = String(Math.abs(grams)).padStart(4, '0');
  return `${grams < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

/** A price typed in yuan (per kilogram) as whole fen, or null when it is not a positive amount. */
export function parsePriceToFen(text: string): number | null {
  try {
    const fen = parseYuanToFen(halfWidth(text));
    return fen > 0 ? fen : null;
  } catch {
    return null;
  }
}

/** An amount typed in yuan, zero allowed, as whole fen up to `maxFen`, or null when it is not one. */
export function parseYuanAmountToFen(text: string, maxFen: number): number | null {
  try {
    const fen = parseYuanToFen(halfWidth(text));
    return fen >= 0 && fen <= maxFen ? fen : null;
  } catch {
    return null;
  }
}

/** What a purchase pays: weight × price per kilogram, rounded half-up to the fen, as the server does. */
export function purchaseAmountFen(weightGrams: number, unitPriceFenPerKg: number): number {
  return multiplyFen(unitPriceFenPerKg, gramsToKg(weightGrams));
}

/** Fen as a yuan figure for a form field: 1234 → '12.34'. */
export const fenToYuanInput = fenToYuanString;
