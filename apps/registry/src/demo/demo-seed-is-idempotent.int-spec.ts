import { householdRegisteredV1 } from '@fupin/contracts';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { DataSource } from 'typeorm';
import type { RegistryConfig } from '../registry-config';
import { registryService } from '../registry.service';
import { seedDemo, type SeedDemoResult } from './seed-demo';

const TABLES = [
  'regions',
  'organisations',
  'households',
  'household_members',
  'users',
  'kiosks',
  'outbox',
  'audit_log',
];

describe('demo seed: the 方城县 demo county, idempotently', () => {
  let service: ServiceUnderTest<RegistryConfig>;
  let dataSource: DataSource;
  let first: SeedDemoResult;
  let countsAfterFirst: Record<string, number>;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(
          async (t) => [t, Number((await dataSource.query(`SELECT count(*) AS n FROM ${t}`))[0].n)] as const,
        ),
      ),
    );

  beforeAll(async () => {
    service = await startServiceForTest(registryService);
    dataSource = service.app.get(DataSource);
    first = await seedDemo(dataSource);
    countsAfterFirst = await counts();
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it('creates 2 towns, 6 villages, 24 groups, 300 households with members, every kind of organisation and staff of every role', async () => {
    expect(first.created).toBe(true);
    expect(countsAfterFirst).toMatchObject({ regions: 1 + 2 + 6 + 24, households: 300, kiosks: 6 });
    expect(countsAfterFirst.household_members).toBeGreaterThan(600);
    const types = (await dataSource.query('SELECT DISTINCT type FROM organisations ORDER BY type')).map(
      (r: { type: string }) => r.type,
    );
    expect(types).toEqual([
      'collection_point',
      'cooperative',
      'county_supermarket',
      'enterprise',
      'love_supermarket',
      'pv_station',
      'sorting_station',
      'village_collective',
      'work_unit',
    ]);
    expect(new Set(first.logins.map((l) => l.role))).toEqual(
      new Set([
        'county_admin',
        'town_admin',
        'village_admin',
        'store_keeper',
        'collector',
        'supermarket_staff',
        'buyer',
        'coop_accountant',
        'auditor',
      ]),
    );
    const spread = await dataSource.query(
      `SELECT count(DISTINCT sub_class) AS classes, count(DISTINCT poverty_status) AS statuses, count(*) FILTER (WHERE pin_hash IS NULL) AS without_pin FROM households`,
    );
    expect(spread[0]).toEqual({ classes: '6', statuses: '4', without_pin: '0' });
  });

  it('publishes one registry.household.registered event per household through the domain services', async () => {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE event_type = $1', [
      householdRegisteredV1.type,
    ]);
    expect(n).toBe(300);
    expect(
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS n FROM outbox WHERE event_type = 'registry.organisation.created'`,
          )
        )[0].n,
      ),
    ).toBe(countsAfterFirst.organisations);
  });

  it('changes nothing and returns the same logins, kiosks and cards when run again', async () => {
    const second = await seedDemo(dataSource);
    expect(second.created).toBe(false);
    expect(await counts()).toEqual(countsAfterFirst);
    expect(second.logins).toEqual(first.logins);
    expect(second.kiosks).toEqual(first.kiosks);
    expect(second.sampleCards).toEqual(first.sampleCards);
  });

  it('hands out logins, kiosk credentials and cards that work', async () => {
    const admin = first.logins.find((l) => l.role === 'village_admin')!;
    const login = await fetch(`${service.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const card = first.sampleCards[0];
    const kiosk = first.kiosks.find((k) => k.storeName.startsWith(card.village))!;
    const signIn = await fetch(`${service.url}/auth/kiosk/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-credential': kiosk.credential },
      body: JSON.stringify({ cardNumber: card.cardNumber, pin: card.pin }),
    });
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).household.headName).toBe(card.householdHead);
  });
});
