import type { PlanDocument, PovertyStatus } from '@fupin/contracts';
import fc from 'fast-check';

import { runPlan, type EngineHousehold, type EngineResult } from './plan-engine';

const statuses: PovertyStatus[] = ['not_lifted', 'lifted', 'monitored', 'edge'];

const householdArb = (i: number): fc.Arbitrary<EngineHousehold> =>
  fc.record({
    householdId: fc.constant(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    labourClass: fc.constantFrom('able' as const, 'weak' as const, 'none' as const, null),
    povertyStatus: fc.constantFrom(...statuses),
    memberCount: fc.integer({ min: 1, max: 8 }),
    daysWorked: fc.integer({ min: 0, max: 366 }),
    shares: fc.record({
      ordinary: fc.bigInt({ min: 0n, max: 10n ** 6n }),
      preferred: fc.bigInt({ min: 0n, max: 1000n }),
    }),
    shareDays: fc.record({
      ordinary: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      poverty_fund: fc.bigInt({ min: 0n, max: 10n ** 20n }),
    }),
  });

const householdsArb = fc
  .integer({ min: 1, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => householdArb(i))));

const poolArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: 10n ** 15n }),
  fc.bigInt({ min: 0n, max: 2n ** 80n }),
);

const basisArb = fc.constantFrom(
  'shares' as const,
  'share_days' as const,
  'equal' as const,
  'members' as const,
  'days_worked' as const,
);

const accountStep = (account: string) => ({ type: 'account' as const, account, label: account });

/** A random plan that can always place its money (every household step has an ifNobody account). */
const planArb: fc.Arbitrary<PlanDocument> = fc
  .record({
    basis: basisArb,
    ratios: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
    minimum: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    cap: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
    uplift: fc.boolean(),
    noLabourOnly: fc.boolean(),
  })
  .map(({ basis, ratios, minimum, cap, uplift, noLabourOnly }) => {
    const household = {
      type: 'pro_rata' as const,
      label: 'households',
      basis,
      ...(noLabourOnly ? { filter: { labourClasses: ['none' as const] } } : {}),
      ...(uplift
        ? { uplift: { povertyStatuses: ['monitored' as const, 'edge' as const], percent: 150 } }
        : {}),
      ...(cap ? { cap: { maxPerHouseholdFen: cap, excess: 'redistribute' as const } } : {}),
      ifNobody: { account: 'reserve' },
    };
    const first = minimum
      ? { type: 'minimum' as const, label: 'minimum', perHouseholdFen: minimum, then: household }
      : household;
    return {
      format: 1 as const,
      root: {
        type: 'split' as const,
        label: 'split',
        parts: ratios.map((ratio, i) => ({
          key: `part_${i}`,
          label: `part ${i}`,
          ratio,
          step: i === 0 ? first : accountStep(`account_${i}`),
        })),
      },
    };
  });

function placed(result: EngineResult): bigint {
  return (
    result.householdTotals.reduce((a, b) => a + b, 0n) + result.accounts.reduce((a, b) => a + b.amountFen, 0n)
  );
}

function byHousehold(households: readonly EngineHousehold[], result: EngineResult): Record<string, string> {
  return Object.fromEntries(households.map((h, i) => [h.householdId, String(result.householdTotals[i])]));
}

describe('the plan engine, on random pools, households and plans', () => {
  it('places the whole pool, to the fen, and never a negative part', () => {
    fc.assert(
      fc.property(poolArb, householdsArb, planArb, (pool, households, plan) => {
        const result = runPlan(plan, { poolFen: pool, households });
        expect(placed(result)).toBe(pool);
        expect(result.householdTotals.every((t) => t >= 0n)).toBe(true);
        expect(result.accounts.every((a) => a.amountFen >= 0n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every household of a pro-rata step within one fen of its exact share', () => {
    fc.assert(
      fc.property(poolArb, householdsArb, basisArb, (pool, households, basis) => {
        const plan: PlanDocument = {
          format: 1,
          root: { type: 'pro_rata', label: 'all', basis, ifNobody: { account: 'reserve' } },
        };
        const result = runPlan(plan, { poolFen: pool, households });
        expect(placed(result)).toBe(pool);
        const payment = result.payments[0];
        if (!payment) return; // nobody had weight: the pool went to the reserve
        const weights = payment.weights.map((w) => BigInt(w));
        const sum = weights.reduce((a, b) => a + b, 0n);
        payment.amounts.forEach((part, k) => {
          const diff = part * sum - pool * weights[k];
          expect(diff > -sum && diff < sum).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for the same input, whatever order the households arrive in', () => {
    fc.assert(
      fc.property(
        poolArb,
        householdsArb.chain((hs) =>
          fc.tuple(fc.constant(hs), fc.shuffledSubarray(hs, { minLength: hs.length })),
        ),
        planArb,
        (pool, [households, shuffled], plan) => {
          const first = runPlan(plan, { poolFen: pool, households });
          const again = runPlan(plan, { poolFen: pool, households });
          const reordered = runPlan(plan, { poolFen: pool, households: shuffled });
          expect(again.householdTotals).toEqual(first.householdTotals);
          expect(byHousehold(shuffled, reordered)).toEqual(byHousehold(households, first));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never pays a household more than a redistributing cap allows', () => {
    fc.assert(
      fc.property(poolArb, householdsArb, fc.integer({ min: 1, max: 1_000_000 }), (pool, households, cap) => {
        const plan: PlanDocument = {
          format: 1,
          root: {
            type: 'pro_rata',
            label: 'capped',
            basis: 'members',
            cap: { maxPerHouseholdFen: cap, excess: 'redistribute' },
            ifNobody: { account: 'reserve' },
          },
        };
        const result = runPlan(plan, { poolFen: pool, households });
        expect(placed(result)).toBe(pool);
        expect(result.householdTotals.every((t) => t <= BigInt(cap))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
