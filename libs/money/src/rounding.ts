/**
 * How a quotient that falls between two integers is settled.
 * - `half-up`: to nearest, ties away from zero (四舍五入; commercial default).
 * - `half-even`: to nearest, ties to the even neighbour (banker's rounding).
 * - `down`: toward zero (truncate).
 * - `up`: away from zero.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/** Divides bigints and rounds the quotient by `mode`; `denominator` must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // has the sign of the numerator
  if (remainder === 0n) return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'half-up':
      return twiceRemainder >= denominator ? away : quotient;
    case 'half-even':
      if (twiceRemainder !== denominator) return twiceRemainder > denominator ? away : quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}
