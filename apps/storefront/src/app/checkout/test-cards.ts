/**
 * The card form posts a Stripe *test* payment method, never card data: no external script is
 * loaded, so the documented Stripe test card numbers are mapped to their test payment methods
 * (https://docs.stripe.com/testing). Any other number is refused before anything is sent.
 */
export const TEST_CARDS: Readonly<Record<string, { paymentMethod: string; brand: string }>> = {
  '4242424242424242': { paymentMethod: 'pm_card_visa', brand: 'Visa' },
  '5555555555554444': { paymentMethod: 'pm_card_mastercard', brand: 'Mastercard' },
  '6200000000000005': { paymentMethod: 'pm_card_unionpay', brand: 'UnionPay 银联' },
  '4000000000000002': { paymentMethod: 'pm_card_chargeDeclined', brand: 'Visa' },
  '4000000000009995': { paymentMethod: 'pm_card_insufficientFunds', brand: 'Visa' },
};

export interface CardInput {
  number: string;
  /** MM/YY as typed (a missing slash is tolerated: 1234 → 12/34). */
  expiry: string;
  cvc: string;
}

export type CardProblem =
  'numberMissing' | 'numberInvalid' | 'numberNotTest' | 'expiryInvalid' | 'expiryPast' | 'cvcInvalid';

export type CardCheck =
  | { ok: true; paymentMethod: string; brand: string; last4: string }
  | { ok: false; problems: Partial<Record<'number' | 'expiry' | 'cvc', CardProblem>> };

/** Digits only: spaces and dashes people type between groups are dropped. */
export function cardDigits(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/** Groups of four for display: 4242 4242 4242 4242. */
export function formatCardNumber(text: string): string {
  return cardDigits(text)
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The Luhn checksum every card number carries (catches most typing slips). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card is good through the last day of its expiry month. */
export function expiryProblem(text: string, now: Date): 'expiryInvalid' | 'expiryPast' | null {
  const match = /^(\d{2})\s*\/?\s*(\d{2})$/.exec(text.trim());
  if (!match) return 'expiryInvalid';
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return 'expiryInvalid';
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  return year * 12 + (month - 1) < thisMonth ? 'expiryPast' : null;
}

/** Checks number (Luhn, then a known test card), expiry and CVC; says what is wrong with each. */
export function checkCard(input: CardInput, now: Date = new Date()): CardCheck {
  const problems: Partial<Record<'number' | 'expiry' | 'cvc', CardProblem>> = {};
  const digits = cardDigits(input.number);
  if (!digits) problems.number = 'numberMissing';
  else if (!passesLuhn(digits)) problems.number = 'numberInvalid';
  else if (!TEST_CARDS[digits]) problems.number = 'numberNotTest';
  const expiry = expiryProblem(input.expiry, now);
  if (expiry) problems.expiry = expiry;
  if (!/^\d{3,4}$/.test(input.cvc.trim())) problems.cvc = 'cvcInvalid';
  const card = TEST_CARDS[digits];
  if (Object.keys(problems).length > 0 || !card) return { ok: false, problems };
  return { ok: true, paymentMethod: card.paymentMethod, brand: card.brand, last4: digits.slice(-4) };
}
