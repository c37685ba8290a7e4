/**
 * The public side of a notice: anyone holding the link may object while it runs (validated, limited
 * per address, refused once it is over), and the objection blocks approval like one recorded by
 * staff. Once posted, a household signed in with its own token reads its own payouts, nobody else's.
 */
import type { TestTokenIssuer } from '@fupin/auth/testing';
import type { HouseholdPayoutsView, PublicNotice } from '@fupin/contracts';
import { CODES, dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting } from '../testing/scenarios';
import { OBJECTION_LIMITS } from './objection-limiter';

// The world keeps its token issuer to itself; keep a handle on it to mint household (kiosk) tokens.
const mockIssuers: TestTokenIssuer[] = [];
jest.mock('@fupin/auth/testing', () => {
  const actual = jest.requireActual<typeof import('@fupin/auth/testing')>('@fupin/auth/testing');
  return {
    ...actual,
    createTestTokenIssuer: async (...args: Parameters<typeof actual.createTestTokenIssuer>) => {
      const issuer = await actual.createTestTokenIssuer(...args);
      mockIssuers.push(issuer);
      return issuer;
    },
  };
});

describe('a public notice and a household’s own payouts', () => {
  let world: DividendsWorld;
  let distributionId: string;
  let noticeId: string;
  const object = (body: unknown, id = noticeId) =>
    world.call<{ code?: string; id?: string }>('POST', `/public/notices/${id}/objections`, { body });
  const objectionCount = () => world.count('objection', 'distribution_id = $1', [distributionId]);
  const householdToken = (householdId: string) =>
    mockIssuers[0].mint({
      sub: householdId,
      name: '王建国',
      role: 'household',
      scope: {
        kind: 'household',
        householdId,
        villageCode: CODES.villageA1,
        storeId: '7f0c8d5e-0000-4000-8000-000000000001',
        kioskId: '7f0c8d5e-0000-4000-8000-000000000002',
      },
    });

  beforeAll(async () => {
    world = await startDividendsWorld();
    distributionId = await coopDryRun(world);
    const published = await world.call<{ notice: { id: string } }>(
      'POST',
      `/distributions/${distributionId}/notice`,
      { who: 'accountantA', body: { days: 10 } },
    );
    noticeId = published.body.notice.id;
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('takes an objection from anyone with the link while the notice runs, into the list admins resolve', async () => {
    const notice = await world.call<PublicNotice>('GET', `/public/notices/${noticeId}`);
    expect(notice.body.objectionsOpen).toBe(true);
    const filed = await object({
      raisedBy: '王**（H-0001）',
      text: '我家入股 100 股，分红金额似乎少算了半年。',
    });
    expect(filed.status).toBe(201);
    const view = await world.call<{ objections: Array<{ raisedBy: string; text: string }> }>(
      'GET',
      `/distributions/${distributionId}`,
      { who: 'auditor' },
    );
    expect(view.body.objections).toEqual([
      expect.objectContaining({ raisedBy: '王**（H-0001）', text: expect.stringContaining('少算了半年') }),
    ]);
    world.advanceDays(10);
    const approval = await world.call('POST', `/distributions/${distributionId}/approval`, {
      who: 'villageA1',
      key: 'public-objection-blocks',
      body: meeting(dateAfter(10)),
    });
    expect(approval.body).toMatchObject({ code: 'DISTRIBUTION_OBJECTIONS_OPEN' });
    world.advanceDays(-10);
  });

  it('refuses empty, oversized and unknown input with a plain 4xx, storing nothing', async () => {
    const before = await objectionCount();
    expect((await object({ raisedBy: '', text: '分红少了' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await object({ raisedBy: '张三', text: '字'.repeat(501) })).status).toBe(400);
    expect((await object({ raisedBy: '张三', text: '金额有误，请核实', extra: 1 })).status).toBe(400);
    expect((await object({ raisedBy: '张三', text: '金额有误，请核实' }, 'not-a-uuid')).status).toBe(400);
    const unknown = await object(
      { raisedBy: '张三', text: '金额有误，请核实' },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.status).toBe(404);
    expect(await objectionCount()).toBe(before);
  });

  it('stops one address after a handful of objections about one notice', async () => {
    const before = await objectionCount();
    for (let i = before; i < OBJECTION_LIMITS.perNotice; i++)
      expect((await object({ raisedBy: `李**${i}`, text: `第 ${i} 条：名单里漏了我家。` })).status).toBe(201);
    const limited = await object({ raisedBy: '李**', text: '再提一条：名单里漏了我家。' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'OBJECTION_RATE_LIMITED' });
    expect(await objectionCount()).toBe(OBJECTION_LIMITS.perNotice);
  });

  it('refuses objections once the notice is over', async () => {
    world.advanceDays(10);
    const late = await object({ raisedBy: '赵**', text: '公示结束后才看到，金额有误。' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'NOTICE_CLOSED' });
    expect((await world.call<PublicNotice>('GET', `/public/notices/${noticeId}`)).body.objectionsOpen).toBe(
      false,
    );
  });

  it('shows a signed-in household its own payouts once posted, and nobody else’s', async () => {
    const view = await world.call<{ objections: Array<{ id: string }> }>(
      'GET',
      `/distributions/${distributionId}`,
      {
        who: 'auditor',
      },
    );
    for (const o of view.body.objections)
      expect(
        (
          await world.call('POST', `/distributions/${distributionId}/objections/${o.id}/resolution`, {
            who: 'villageA1',
            body: { resolution: '经核实，按入股时间计算无误，已当面解释。' },
          })
        ).status,
      ).toBe(200);
    expect(
      (
        await world.call('POST', `/distributions/${distributionId}/approval`, {
          who: 'villageA1',
          key: 'public-approve-0001',
          body: meeting(dateAfter(10)),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await world.call('POST', `/distributions/${distributionId}/posting`, {
          who: 'accountantA',
          key: 'public-post-0001',
        })
      ).status,
    ).toBe(200);

    const mine = await world.call<HouseholdPayoutsView>('GET', '/households/me/payouts', {
      token: await householdToken(world.households.a1),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.household).toMatchObject({ id: world.households.a1, headName: '王建国' });
    expect(mine.body.payouts).toEqual([
      expect.objectContaining({
        distributionTitle: '砚山铺村光荣合作社 2025 年度分红',
        amountFen: expect.stringMatching(/^[1-9]\d*$/),
        status: 'pending',
      }),
    ]);
    const [line] = (await world.dataSource.query(
      'SELECT amount_fen::text AS amount FROM distribution_line WHERE distribution_id = $1 AND household_id = $2',
      [distributionId, world.households.a1],
    )) as Array<{ amount: string }>;
    expect(mine.body.payouts[0].amountFen).toBe(line.amount);
    expect(mine.text).not.toContain('李秀英');
    // The same from the web sign-in (role villager, no kiosk in the scope).
    const online = await world.call<HouseholdPayoutsView>('GET', '/households/me/payouts', {
      token: await mockIssuers[0].mint({
        sub: world.households.a1,
        name: '王建国',
        role: 'villager',
        scope: { kind: 'household', householdId: world.households.a1, villageCode: CODES.villageA1 },
      }),
    });
    expect(online.status).toBe(200);
    expect(online.body.payouts).toEqual(mine.body.payouts);

    expect((await world.call('GET', '/households/me/payouts')).status).toBe(401);
    expect((await world.call('GET', '/households/me/payouts', { who: 'auditor' })).status).toBe(403);
  });
});
