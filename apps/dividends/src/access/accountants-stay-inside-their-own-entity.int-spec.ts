/**
 * A cooperative's accountant acts on their own cooperative only: on another cooperative every read
 * and write is 403 and nothing changes. Region admins reach only entities in their region; auditors
 * read everything in the county and write nothing.
 */
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun } from '../testing/scenarios';

describe('scope: accountants, village admins and auditors', () => {
  let world: DividendsWorld;
  let distribution: string;
  const tables = [
    'entity_member',
    'shareholding',
    'income_declaration',
    'plan',
    'distribution',
    'notice',
    'audit_log',
    'attendance',
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

  it("refuses cooperative B's accountant every write on cooperative A, and changes nothing", async () => {
    const before = await counts();
    const a = world.orgs.coopA;
    const attempts = [
      world.call('POST', `/entities/${a}/members`, {
        who: 'accountantB',
        body: { householdId: world.households.a4, joinedOn: '2025-01-01' },
      }),
      world.call('POST', `/entities/${a}/shareholdings`, {
        who: 'accountantB',
        body: { householdId: world.households.a1, kind: 'ordinary', shares: 1000, validFrom: '2025-01-01' },
      }),
      world.call('POST', `/entities/${a}/attendance`, {
        who: 'accountantB',
        body: {
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          records: [{ householdId: world.households.a1, daysWorked: 10 }],
        },
      }),
      world.call('POST', `/entities/${a}/income-declarations`, {
        who: 'accountantB',
        body: {
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          source: 'cooperative_profit',
          amountFen: 100,
          evidence: { description: '伪造', reference: 'x' },
        },
      }),
      world.call('POST', `/distributions/${distribution}/notice`, { who: 'accountantB', body: { days: 10 } }),
      world.call('DELETE', `/distributions/${distribution}`, { who: 'accountantB' }),
    ];
    for (const answer of await Promise.all(attempts))
      expect({ status: answer.status, code: (answer.body as { code: string }).code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    expect(await counts()).toEqual(before);
  });

  it("refuses cooperative B's accountant and another village's admin every read of cooperative A", async () => {
    for (const who of ['accountantB', 'villageB1', 'pvAccountant'] as const) {
      expect((await world.call('GET', `/entities/${world.orgs.coopA}/members`, { who })).status).toBe(403);
      expect((await world.call('GET', `/distributions/${distribution}`, { who })).status).toBe(403);
      expect((await world.call('GET', `/distributions/${distribution}/lines`, { who })).status).toBe(403);
    }
    const mine = await world.call<Array<{ id: string }>>('GET', '/entities', { who: 'accountantB' });
    expect(mine.body.map((e) => e.id)).toEqual([world.orgs.coopB]);
    const village = await world.call<Array<{ id: string }>>('GET', '/entities', { who: 'villageA1' });
    expect(village.body.map((e) => e.id).sort()).toEqual([world.orgs.coopA, world.orgs.pvA1].sort());
  });

  it('lets the auditor read across the county and write nothing', async () => {
    expect((await world.call('GET', `/distributions/${distribution}/lines`, { who: 'auditor' })).status).toBe(
      200,
    );
    const before = await counts();
    const write = await world.call('POST', `/distributions/${distribution}/notice`, {
      who: 'auditor',
      body: { days: 10 },
    });
    expect(write.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
