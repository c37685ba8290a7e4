/** Malformed or out-of-rule input is a clear 4xx with {code, message}, and changes nothing. */
import { COOPERATIVE_DIVIDEND_PLAN } from '@fupin/contracts';
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun } from '../testing/scenarios';

describe('bad input', () => {
  let world: DividendsWorld;
  let distribution: string;
  const tables = [
    'entity_member',
    'shareholding',
    'income_declaration',
    'plan',
    'plan_version',
    'distribution',
    'notice',
    'approval',
    'audit_log',
    'ledger_entry',
  ];
  const counts = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await world.count(t)])));

  beforeAll(async () => {
    world = await startDividendsWorld();
    distribution = await coopDryRun(world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  const a = () => world.orgs.coopA;
  const income = (overrides: Record<string, unknown>) => ({
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    source: 'pv_grid_settlement',
    amountFen: 1000,
    evidence: { description: '国网结算单', reference: 'GW-2025-001' },
    ...overrides,
  });

  it.each([
    [
      'a fractional amount',
      () => ['POST', `/entities/${a()}/income-declarations`, income({ amountFen: 10.5 })],
    ],
    ['a negative amount', () => ['POST', `/entities/${a()}/income-declarations`, income({ amountFen: -1 })]],
    [
      'an amount in yuan text',
      () => ['POST', `/entities/${a()}/income-declarations`, income({ amountFen: '12.30' })],
    ],
    [
      'an unknown income source',
      () => ['POST', `/entities/${a()}/income-declarations`, income({ source: 'lottery' })],
    ],
    [
      'a period that ends before it starts',
      () => ['POST', `/entities/${a()}/income-declarations`, income({ periodEnd: '2024-12-31' })],
    ],
    ['no evidence', () => ['POST', `/entities/${a()}/income-declarations`, income({ evidence: undefined })]],
    [
      'an unknown field',
      () => [
        'POST',
        `/entities/${a()}/members`,
        { householdId: world.households.a4, joinedOn: '2025-01-01', admin: true },
      ],
    ],
    [
      'a shareholding ending before it starts',
      () => [
        'POST',
        `/entities/${a()}/shareholdings`,
        {
          householdId: world.households.a1,
          kind: 'ordinary',
          shares: 5,
          validFrom: '2025-05-01',
          validTo: '2025-04-01',
        },
      ],
    ],
    [
      'an unknown share kind',
      () => [
        'POST',
        `/entities/${a()}/shareholdings`,
        { householdId: world.households.a1, kind: 'golden', shares: 5, validFrom: '2025-05-01' },
      ],
    ],
    [
      'a plan step of unknown type',
      () => [
        'POST',
        `/entities/${a()}/plans`,
        { name: 'x', document: { format: 1, root: { type: 'lottery', label: 'x' } } },
      ],
    ],
    [
      'a split with a zero ratio',
      () => [
        'POST',
        `/entities/${a()}/plans`,
        {
          name: 'x',
          document: {
            format: 1,
            root: {
              ...COOPERATIVE_DIVIDEND_PLAN.root,
              parts: [
                { key: 'a', label: 'a', ratio: 0, step: { type: 'account', account: 'a', label: 'a' } },
              ],
            },
          },
        },
      ],
    ],
    ['a notice shorter than ten days', () => ['POST', `/distributions/${distribution}/notice`, { days: 5 }]],
    ['a malformed id', () => ['GET', '/distributions/not-a-uuid', undefined]],
  ] as Array<[string, () => [string, string, unknown]]>)(
    'refuses %s with 400 VALIDATION_FAILED',
    async (_name, request) => {
      const before = await counts();
      const [method, path, body] = request();
      const answer = await world.call<{ code: string; message: string }>(method, path, {
        who: 'accountantA',
        body,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.message.length).toBeGreaterThan(5);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a money command without an Idempotency-Key', async () => {
    const answer = await world.call('POST', `/distributions/${distribution}/posting`, { who: 'accountantA' });
    expect(answer).toMatchObject({ status: 400, body: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
  });

  it('refuses a household the registry does not know, and income already distributed, with 422', async () => {
    const before = await counts();
    const unknown = await world.call('POST', `/entities/${a()}/members`, {
      who: 'accountantA',
      body: { householdId: '00000000-0000-4000-8000-000000000999', joinedOn: '2025-01-01' },
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'ENTITY_HOUSEHOLD_UNKNOWN' } });
    const [{ id: incomeId }] = await world.dataSource.query('SELECT id FROM income_declaration LIMIT 1');
    const [{ id: planId }] = await world.dataSource.query('SELECT id FROM plan LIMIT 1');
    const twice = await world.call('POST', `/entities/${a()}/distributions`, {
      who: 'accountantA',
      body: {
        title: '重复分配',
        planId,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        incomeDeclarationIds: [incomeId],
      },
    });
    expect(twice).toMatchObject({ status: 422, body: { code: 'DISTRIBUTION_INCOME_UNAVAILABLE' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a plan that cannot place the money (nobody qualifies) with 422', async () => {
    const plan = await world.call<{ id: string }>('POST', `/entities/${a()}/plans`, {
      who: 'accountantA',
      body: {
        name: '务工',
        document: { format: 1, root: { type: 'pro_rata', label: '按出勤', basis: 'days_worked' } },
      },
    });
    const declared = await world.call<{ id: string }>('POST', `/entities/${a()}/income-declarations`, {
      who: 'accountantA',
      body: income({}),
    });
    const before = await counts();
    const run = await world.call('POST', `/entities/${a()}/distributions`, {
      who: 'accountantA',
      body: {
        title: '无人出勤',
        planId: plan.body.id,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        incomeDeclarationIds: [declared.body.id],
      },
    });
    expect(run).toMatchObject({ status: 422, body: { code: 'DISTRIBUTION_PLAN_CANNOT_PLACE' } });
    expect(await counts()).toEqual(before);
  });
});
