import { COOPERATIVE_DIVIDEND_PLAN, PV_DIFFERENTIATED_PLAN, type PlanDocument } from '@fupin/contracts';

import {
  accountTotals,
  EngineErrorCode,
  explainHousehold,
  runPlan,
  type EngineHousehold,
} from './plan-engine';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function household(n: number, overrides: Partial<EngineHousehold> = {}): EngineHousehold {
  return {
    householdId: id(n),
    labourClass: 'able',
    povertyStatus: 'lifted',
    memberCount: 3,
    daysWorked: 0,
    shares: {},
    shareDays: {},
    ...overrides,
  };
}
const plan = (root: PlanDocument['root']): PlanDocument => ({ format: 1, root });
const totals = (r: ReturnType<typeof runPlan>) => r.householdTotals.map(String);
const accounts = (r: ReturnType<typeof runPlan>) =>
  Object.fromEntries(accountTotals(r).map((a) => [a.account, String(a.amountFen)]));

describe('plan steps, by example', () => {
  it('splits a cooperative surplus 55/30/15 and pays members by shares × days held', () => {
    // 100,001 fen; A held 100 shares all year, B 100 shares for half of it.
    const result = runPlan(COOPERATIVE_DIVIDEND_PLAN, {
      poolFen: 100_001n,
      households: [
        household(1, { shareDays: { ordinary: 36_500n } }),
        household(2, { shareDays: { ordinary: 18_250n } }),
      ],
    });
    // 55% = 55,001 (the leftover fen goes to the first key), split 2:1 → 36,667.33 / 18,333.67.
    expect(totals(result)).toEqual(['36667', '18334']);
    expect(accounts(result)).toEqual({ village_collective: '30000', running_costs: '15000' });
    expect(explainHousehold(result, 1)).toEqual([
      expect.objectContaining({
        basis: 'share_days',
        weight: '18250',
        amountFen: '18334',
        stepAmountFen: '55001',
      }),
    ]);
  });

  it('pays PV income as wages by days worked, supports households without labour, keeps a reserve', () => {
    const result = runPlan(PV_DIFFERENTIATED_PLAN, {
      poolFen: 1_000_000n,
      households: [
        household(1, { daysWorked: 200 }),
        household(2, { daysWorked: 100 }),
        household(3, { labourClass: 'none', povertyStatus: 'monitored' }),
        household(4, { labourClass: 'none' }),
      ],
    });
    // 70% wages 2:1, 20% support with the monitored household weighted 150:100, 10% reserve.
    expect(totals(result)).toEqual(['466667', '233333', '120000', '80000']);
    expect(accounts(result)).toEqual({ village_public_works: '100000' });
  });

  it('sends a step’s money to its ifNobody account when nobody qualifies, and refuses when there is none', () => {
    const result = runPlan(PV_DIFFERENTIATED_PLAN, { poolFen: 1000n, households: [household(1)] });
    expect(accounts(result)).toEqual({ village_public_works: '1000' });
    expect(() =>
      runPlan(plan({ type: 'pro_rata', label: '务工', basis: 'days_worked' }), {
        poolFen: 1000n,
        households: [household(1)],
      }),
    ).toThrow(expect.objectContaining({ code: EngineErrorCode.NoRecipients }));
  });

  it('guarantees a minimum per household before sharing the rest, and shares the pool equally when it is short', () => {
    const minimum = plan({
      type: 'minimum',
      label: '保底',
      perHouseholdFen: 10_000,
      then: { type: 'pro_rata', label: '按人口', basis: 'members' },
    });
    const households = [household(1, { memberCount: 1 }), household(2, { memberCount: 3 })];
    expect(totals(runPlan(minimum, { poolFen: 24_000n, households }))).toEqual(['11000', '13000']);
    const short = runPlan(minimum, { poolFen: 15_001n, households });
    expect(totals(short)).toEqual(['7501', '7500']);
    expect(explainHousehold(short, 0)[0].note).toMatch(/below the guaranteed minimum/);
  });

  it('caps a household and shares the excess among the others, or sends it to a named account', () => {
    const households = [
      household(1, { memberCount: 8 }),
      household(2, { memberCount: 1 }),
      household(3, { memberCount: 1 }),
    ];
    const redistribute = runPlan(
      plan({
        type: 'pro_rata',
        label: '按人口',
        basis: 'members',
        cap: { maxPerHouseholdFen: 5000, excess: 'redistribute' },
      }),
      { poolFen: 10_000n, households },
    );
    expect(totals(redistribute)).toEqual(['5000', '2500', '2500']);
    const toAccount = runPlan(
      plan({
        type: 'pro_rata',
        label: '按人口',
        basis: 'members',
        cap: { maxPerHouseholdFen: 5000, excess: { account: 'reserve' } },
      }),
      { poolFen: 10_000n, households },
    );
    expect(totals(toAccount)).toEqual(['5000', '1000', '1000']);
    expect(accounts(toAccount)).toEqual({ reserve: '3000' });
  });

  it('weighs by shares of the chosen kinds only', () => {
    const result = runPlan(
      plan({ type: 'pro_rata', label: '优先股', basis: 'shares', shareKinds: ['preferred', 'poverty_fund'] }),
      {
        poolFen: 900n,
        households: [
          household(1, { shares: { ordinary: 1000n, preferred: 1n } }),
          household(2, { shares: { poverty_fund: 2n } }),
        ],
      },
    );
    expect(totals(result)).toEqual(['300', '600']);
  });
});
