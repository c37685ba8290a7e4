import fc from 'fast-check';

import { allocate, type Weight } from './index';

/** Exact share check without floats: |part·W − total·w| < W. */
function withinOneUnit(part: bigint, total: bigint, weight: bigint, weightSum: bigint): boolean {
  const diff = part * weightSum - total * weight;
  return diff > -weightSum && diff < weightSum;
}

const toBig = (w: Weight): bigint => BigInt(w);

// Weights mix zeros, small numbers, repeated values (ties), safe-integer extremes and huge bigints.
const weightArb: fc.Arbitrary<Weight> = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constantFrom(1, 2, 3, 1000),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.bigInt({ min: 0n, max: 2n ** 128n }),
  fc.constantFrom(1n, 7n, 10n ** 20n),
);

const weightsArb = fc
  .array(weightArb, { minLength: 1, maxLength: 40 })
  .filter((ws) => ws.some((w) => toBig(w) > 0n));

const numberTotalArb = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
const bigTotalArb = fc.bigInt({ min: 0n, max: 2n ** 100n });

describe('allocate properties', () => {
  it('parts always sum exactly to the total (number totals)', () => {
    fc.assert(
      fc.property(numberTotalArb, weightsArb, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
        expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
      }),
      { numRuns: 500 },
    );
  });

  it('parts always sum exactly to the total (bigint totals)', () => {
    fc.assert(
      fc.property(bigTotalArb, weightsArb, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('every part is strictly within one unit of its exact share, and zero weights get zero', () => {
    fc.assert(
      fc.property(fc.oneof(bigTotalArb, numberTotalArb.map(BigInt)), weightsArb, (total, weights) => {
        const weightSum = weights.reduce<bigint>((a, w) => a + toBig(w), 0n);
        const parts = allocate(total, weights);
        parts.forEach((part, i) => {
          expect(withinOneUnit(part, total, toBig(weights[i]), weightSum)).toBe(true);
          if (toBig(weights[i]) === 0n) expect(part).toBe(0n);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('extra units go to the largest remainders (no part with a smaller remainder got one instead)', () => {
    fc.assert(
      fc.property(fc.oneof(bigTotalArb, numberTotalArb.map(BigInt)), weightsArb, (total, weights) => {
        const weightSum = weights.reduce<bigint>((a, w) => a + toBig(w), 0n);
        const parts = allocate(total, weights);
        const remainders = weights.map((w) => (total * toBig(w)) % weightSum);
        const gotExtra = parts.map((p, i) => p * weightSum > total * toBig(weights[i]));
        const smallestWinner = remainders
          .filter((_, i) => gotExtra[i])
          .reduce((a, r) => (r < a ? r : a), weightSum);
        const largestLoser = remainders.filter((_, i) => !gotExtra[i]).reduce((a, r) => (r > a ? r : a), -1n);
        expect(largestLoser <= smallestWinner).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the same input gives the same output, and number and bigint routes agree', () => {
    fc.assert(
      fc.property(
        numberTotalArb,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const first = allocate(total, weights);
          expect(allocate(total, [...weights])).toEqual(first);
          // bigint weights force the bigint route
          expect(allocate(total, weights.map(BigInt))).toEqual(first);
          expect(allocate(BigInt(total), weights)).toEqual(first.map(BigInt));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('with keys, a permutation of the input gives every key the same part', () => {
    const caseArb = weightsArb.chain((weights) =>
      fc.record({
        weights: fc.constant(weights),
        total: fc.oneof(bigTotalArb, fc.bigInt({ min: 0n, max: 100n })),
        order: fc.shuffledSubarray(
          weights.map((_, i) => i),
          { minLength: weights.length, maxLength: weights.length },
        ),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ weights, total, order }) => {
        const keys = weights.map((_, i) => `household-${i}`);
        const original = allocate(total, weights, { keys });
        const permuted = allocate(
          total,
          order.map((i) => weights[i]),
          { keys: order.map((i) => keys[i]) },
        );
        order.forEach((sourceIndex, position) => {
          expect(permuted[position]).toBe(original[sourceIndex]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('ties of many equal weights are settled deterministically by index by default', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10_000 }), (n, total) => {
        const parts = allocate(total, new Array<number>(n).fill(5));
        const base = Math.floor(total / n);
        const extra = total - base * n;
        expect(parts).toEqual(parts.map((_, i) => base + (i < extra ? 1 : 0)));
      }),
    );
  });
});
