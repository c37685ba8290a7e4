import { COOPERATIVE_DIVIDEND_PLAN } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import type { DividendsWorld } from './dividends-world';

function expectStatus(what: string, answer: { status: number; body: unknown }, status: number): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * Cooperative A for 2025: three members (a1 100 shares all year, a2 100 shares from 2 July,
 * a3 50 shares quantified from poverty funds), 1,234,567 fen of profit, the 55/30/15 plan, a dry run.
 */
export async function coopDryRun(world: DividendsWorld, amountFen = 1_234_567): Promise<string> {
  const entity = world.orgs.coopA;
  for (const [household, kind, shares, validFrom] of [
    [world.households.a1, 'ordinary', 100, '2025-01-01'],
    [world.households.a2, 'ordinary', 100, '2025-07-02'],
    [world.households.a3, 'poverty_fund', 50, '2025-01-01'],
  ] as const) {
    const member = await world.call('POST', `/entities/${entity}/members`, {
      who: 'accountantA',
      body: { householdId: household, joinedOn: '2025-01-01' },
    });
    if (member.status !== 201 && member.status !== 409) expectStatus('add member', member, 201);
    expectStatus(
      'add shareholding',
      await world.call('POST', `/entities/${entity}/shareholdings`, {
        who: 'accountantA',
        body: { householdId: household, kind, shares, validFrom },
      }),
      201,
    );
  }
  const income = await world.call<{ id: string }>('POST', `/entities/${entity}/income-declarations`, {
    who: 'accountantA',
    body: {
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      source: 'cooperative_profit',
      amountFen,
      evidence: {
        description: '2025 年度合作社盈余（经审计）',
        reference: `审计报告 ${randomUUID().slice(0, 8)}`,
      },
    },
  });
  expectStatus('declare income', income, 201);
  const plan = await world.call<{ id: string }>('POST', `/entities/${entity}/plans`, {
    who: 'accountantA',
    body: { name: '合作社 2025 年盈余分配', document: COOPERATIVE_DIVIDEND_PLAN },
  });
  expectStatus('create plan', plan, 201);
  const run = await world.call<{ id: string }>('POST', `/entities/${entity}/distributions`, {
    who: 'accountantA',
    body: {
      title: '砚山铺村光荣合作社 2025 年度分红',
      planId: plan.body.id,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      incomeDeclarationIds: [income.body.id],
    },
  });
  expectStatus('dry run', run, 201);
  return run.body.id;
}

/** Publishes the notice and lets its ten days pass. */
export async function noticeAndWait(world: DividendsWorld, distributionId: string): Promise<void> {
  expectStatus(
    'publish notice',
    await world.call('POST', `/distributions/${distributionId}/notice`, {
      who: 'accountantA',
      body: { days: 10 },
    }),
    200,
  );
  world.advanceDays(10);
}

export const meeting = (date: string) => ({
  meetingDate: date,
  attendeesCount: 46,
  minutesReference: '村民代表会议记录 2026-03',
});
