import { checkCard, formatCardNumber, passesLuhn } from './test-cards';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('the card form maps Stripe test cards to test payment methods', () => {
  it('maps the documented test numbers, spaces or not', () => {
    expect(checkCard({ number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }, NOW)).toEqual({
      ok: true,
      paymentMethod: 'pm_card_visa',
      brand: 'Visa',
      last4: '4242',
    });
    expect(checkCard({ number: '4000000000000002', expiry: '1230', cvc: '123' }, NOW)).toMatchObject({
      ok: true,
      paymentMethod: 'pm_card_chargeDeclined',
    });
    expect(checkCard({ number: '4000000000009995', expiry: '01/27', cvc: '999' }, NOW)).toMatchObject({
      paymentMethod: 'pm_card_insufficientFunds',
    });
  });

  it('refuses a typing slip (Luhn), a real card, a past or impossible expiry and a short CVC', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(checkCard({ number: '4242 4242 4242 4241', expiry: '13/30', cvc: '12' }, NOW)).toEqual({
      ok: false,
      problems: { number: 'numberInvalid', expiry: 'expiryInvalid', cvc: 'cvcInvalid' },
    });
    // A valid number that is not a test card is never sent anywhere.
    expect(checkCard({ number: '4111111111111111', expiry: '12/26', cvc: '123' }, NOW)).toEqual({
      ok: false,
      problems: { number: 'numberNotTest' },
    });
    expect(checkCard({ number: '', expiry: '10/26', cvc: '123' }, NOW)).toEqual({
      ok: false,
      problems: { number: 'numberMissing', expiry: 'expiryPast' },
    });
  });

  it('groups digits in fours as they are typed and drops anything else', () => {
    expect(formatCardNumber('42424242a4242-4242')).toBe('4242 4242 4242 4242');
  });
});
