import { listRoutes } from '@fupin/auth';
import type { AuditEntryView, Paginated, TokenPairResponse } from '@fupin/contracts';
import { AuthController } from '../auth/auth.controller';
import { HouseholdImportController } from '../import/household-import.controller';
import { HouseholdsController } from '../households/households.controller';
import { HouseholdAuthController } from '../kiosks/household-auth.controller';
import { KioskAuthController } from '../kiosks/kiosk-auth.controller';
import { KiosksController } from '../kiosks/kiosks.controller';
import { OrganisationsController } from '../organisations/organisations.controller';
import { RegionsController } from '../regions/regions.controller';
import {
  CODES,
  householdBody,
  PASSWORD,
  startRegistryWorld,
  type ApiAnswer,
  type RegistryWorld,
} from '../testing/registry-world';
import { UsersController } from '../users/users.controller';

const REGISTRY_CONTROLLERS = [
  AuthController,
  HouseholdImportController,
  HouseholdsController,
  HouseholdAuthController,
  KioskAuthController,
  KiosksController,
  OrganisationsController,
  RegionsController,
  UsersController,
].map((c) => c.name);

interface Step {
  route: string;
  action: string;
  actor?: string;
  run: () => Promise<ApiAnswer>;
}

describe('audit log: every write leaves a row saying who, in which role and scope, what, when, from where', () => {
  let world: RegistryWorld;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('records each write of the registry API with actor, role, scope, ip and user agent', async () => {
    const county = await world.token('county');
    const villageB1 = await world.token('village-b1');
    const keeperA1 = await world.token('keeper-a1');
    const ids: Record<string, string> = {};
    const remember = (key: string, res: ApiAnswer, path = 'id') => {
      ids[key] = String(
        path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res.body),
      );
      return res;
    };
    const kioskSession: { token?: string } = {};
    const refresh: { token?: string } = {};
    const form = () => {
      const data = new FormData();
      const csv =
        '户编号,所属村,贫困状态,姓名,与户主关系,出生年份,劳动能力\r\nAUD-0002,七峰村,已脱贫,冯二,户主,1966,有劳动能力\r\n';
      data.append('file', new Blob([csv]), 'audit.csv');
      return data;
    };
    const steps: Step[] = [
      {
        route: 'POST /regions',
        action: 'region.created',
        run: () =>
          world.call('POST', '/regions', { token: county, body: { code: '411322104203', name: '后营村' } }),
      },
      {
        route: 'PATCH /regions/:code',
        action: 'region.renamed',
        run: () =>
          world.call('PATCH', '/regions/411322104203', { token: county, body: { name: '后营新村' } }),
      },
      {
        route: 'POST /organisations',
        action: 'organisation.created',
        run: async () =>
          remember(
            'org',
            await world.call('POST', '/organisations', {
              token: county,
              body: { type: 'love_supermarket', name: '后营村爱心超市', regionCode: '411322104203' },
            }),
          ),
      },
      {
        route: 'PATCH /organisations/:id',
        action: 'organisation.updated',
        run: () =>
          world.call('PATCH', `/organisations/${ids.org}`, { token: county, body: { contactName: '周梅' } }),
      },
      {
        route: 'POST /households',
        action: 'household.registered',
        actor: 'village-b1',
        run: async () =>
          remember(
            'household',
            await world.call('POST', '/households', {
              token: villageB1,
              body: householdBody({
                householdNumber: 'AUD-0001',
                villageCode: CODES.villageB1,
                pointsCardNumber: 'AUDCARD1',
              }),
            }),
          ),
      },
      {
        route: 'PATCH /households/:id',
        action: 'household.updated',
        actor: 'village-b1',
        run: () =>
          world.call('PATCH', `/households/${ids.household}`, {
            token: villageB1,
            body: {
              phone: '13800000001',
              bankAccount: { bankName: '中国邮政储蓄银行', accountNumber: '6217 9950 1234 5678 901' },
            },
          }),
      },
      {
        route: 'POST /households/:id/classification',
        action: 'household.classified',
        actor: 'village-b1',
        run: () =>
          world.call('POST', `/households/${ids.household}/classification`, {
            token: villageB1,
            body: { subClass: 'exit_ready', reason: '户主受伤，劳动能力下降' },
          }),
      },
      {
        route: 'POST /households/:id/status',
        action: 'household.status_changed',
        actor: 'village-b1',
        run: () =>
          world.call('POST', `/households/${ids.household}/status`, {
            token: villageB1,
            body: { povertyStatus: 'monitored', reason: '收入接近监测线' },
          }),
      },
      {
        route: 'PUT /households/:id/pin',
        action: 'household.pin_set',
        actor: 'village-b1',
        run: () =>
          world.call('PUT', `/households/${ids.household}/pin`, { token: villageB1, body: { pin: '8642' } }),
      },
      {
        route: 'POST /households/:id/card/unlock',
        action: 'household.card_unlocked',
        actor: 'village-b1',
        run: async () => {
          await world.dataSource.query('UPDATE households SET card_locked_at = now() WHERE id = $1', [
            ids.household,
          ]);
          return world.call('POST', `/households/${ids.household}/card/unlock`, { token: villageB1 });
        },
      },
      {
        route: 'GET /households/:id/bank-account',
        action: 'household.bank_account_revealed',
        run: async () => {
          const res = await world.call('GET', `/households/${ids.household}/bank-account`, { token: county });
          expect(res.body).toMatchObject({
            bankName: '中国邮政储蓄银行',
            accountNumber: '6217995012345678901',
          });
          return res;
        },
      },
      {
        route: 'POST /households/import',
        action: 'household.imported',
        run: () => world.call('POST', '/households/import', { token: county, rawBody: form() }),
      },
      {
        route: 'POST /users',
        action: 'user.created',
        run: async () =>
          remember(
            'user',
            await world.call('POST', '/users', {
              token: county,
              body: {
                username: 'new-keeper',
                displayName: '新管理员',
                password: 'Strong-pass-2024',
                role: 'store_keeper',
                scope: { kind: 'organisation', id: ids.org },
              },
            }),
          ),
      },
      {
        route: 'PATCH /users/:id',
        action: 'user.updated',
        run: () =>
          world.call('PATCH', `/users/${ids.user}`, { token: county, body: { phone: '13900000000' } }),
      },
      {
        route: 'POST /users/:id/password',
        action: 'user.password_reset',
        run: () =>
          world.call('POST', `/users/${ids.user}/password`, {
            token: county,
            body: { newPassword: 'Temporary-pass-2024' },
          }),
      },
      {
        route: 'POST /users/:id/disable',
        action: 'user.disabled',
        run: () => world.call('POST', `/users/${ids.user}/disable`, { token: county }),
      },
      {
        route: 'POST /users/:id/enable',
        action: 'user.enabled',
        run: () => world.call('POST', `/users/${ids.user}/enable`, { token: county }),
      },
      {
        route: 'POST /users/:id/unlock',
        action: 'user.unlocked',
        run: async () => {
          await world.dataSource.query(`UPDATE users SET failed_logins = 3 WHERE id = $1`, [ids.user]);
          return world.call('POST', `/users/${ids.user}/unlock`, { token: county });
        },
      },
      {
        route: 'POST /auth/login',
        action: 'auth.login',
        actor: 'village-a2',
        run: async () => {
          const res = await world.call<TokenPairResponse>('POST', '/auth/login', {
            body: { username: 'village-a2', password: PASSWORD },
          });
          refresh.token = res.body.refreshToken;
          return res as unknown as ApiAnswer;
        },
      },
      {
        route: 'POST /auth/refresh',
        action: 'auth.token_refreshed',
        actor: 'village-a2',
        run: async () => {
          const res = await world.call<TokenPairResponse>('POST', '/auth/refresh', {
            body: { refreshToken: refresh.token },
          });
          refresh.token = res.body.refreshToken;
          return res as unknown as ApiAnswer;
        },
      },
      {
        route: 'POST /auth/logout',
        action: 'auth.logout',
        actor: 'village-a2',
        run: () => world.call('POST', '/auth/logout', { body: { refreshToken: refresh.token } }),
      },
      {
        route: 'POST /auth/password',
        action: 'user.password_changed',
        actor: 'keeper-a1',
        run: () =>
          world.call('POST', '/auth/password', {
            token: keeperA1,
            body: { currentPassword: PASSWORD, newPassword: 'Changed-pass-2024' },
          }),
      },
      {
        route: 'POST /auth/keys/rotate',
        action: 'auth.signing_key_rotated',
        run: () => world.call('POST', '/auth/keys/rotate', { token: county }),
      },
      {
        route: 'POST /kiosks',
        action: 'kiosk.registered',
        run: async () =>
          remember(
            'kiosk',
            await world.call('POST', '/kiosks', {
              token: county,
              body: { storeId: ids.org, name: '一号终端' },
            }),
            'kiosk.id',
          ),
      },
      {
        route: 'POST /kiosks/:id/credential',
        action: 'kiosk.credential_rotated',
        run: () => world.call('POST', `/kiosks/${ids.kiosk}/credential`, { token: county }),
      },
      {
        route: 'POST /kiosks/:id/deactivate',
        action: 'kiosk.deactivated',
        run: () => world.call('POST', `/kiosks/${ids.kiosk}/deactivate`, { token: county }),
      },
      {
        route: 'POST /kiosks/:id/activate',
        action: 'kiosk.activated',
        run: () => world.call('POST', `/kiosks/${ids.kiosk}/activate`, { token: county }),
      },
      {
        route: 'POST /auth/kiosk/sign-in',
        action: 'kiosk.signed_in',
        run: async () => {
          const res = await world.call<{ accessToken: string }>('POST', '/auth/kiosk/sign-in', {
            headers: { 'x-kiosk-credential': world.kiosks.a1 },
            body: { cardNumber: 'CARDA1', pin: '123456' },
          });
          kioskSession.token = res.body.accessToken;
          return res as unknown as ApiAnswer;
        },
      },
      {
        route: 'POST /auth/household/sign-in',
        action: 'household.web_signed_in',
        run: () =>
          world.call('POST', '/auth/household/sign-in', { body: { cardNumber: 'CARDA1', pin: '123456' } }),
      },
      {
        route: 'POST /auth/kiosk/session/end',
        action: 'kiosk.signed_out',
        run: () => world.call('POST', '/auth/kiosk/session/end', { token: kioskSession.token }),
      },
    ];

    const usernames = await world.dataSource.query('SELECT id, username FROM users');
    const userId = (name: string) => usernames.find((u: { username: string }) => u.username === name)?.id;
    for (const step of steps) {
      const lastId = Number(
        (await world.dataSource.query('SELECT coalesce(max(id), 0) AS id FROM audit_log'))[0].id,
      );
      const res = await step.run();
      expect({
        route: step.route,
        status: res.status < 300 ? 'ok' : res.status,
        body: res.status < 300 ? undefined : res.body,
      }).toEqual({ route: step.route, status: 'ok', body: undefined });
      const rows = await world.dataSource.query(
        'SELECT actor_id, role, scope, action, host(ip) AS ip, user_agent, target_id FROM audit_log WHERE id > $1 ORDER BY id',
        [lastId],
      );
      const row = rows.find((r: { action: string }) => r.action === step.action);
      expect({ route: step.route, found: Boolean(row) }).toEqual({ route: step.route, found: true });
      expect(row.ip).toBe('127.0.0.1');
      expect(row.user_agent).toBe('registry-test');
      if (step.route.startsWith('POST /auth/kiosk') || step.route.startsWith('POST /auth/household')) {
        expect(row.scope).toMatch(/^(organisation|household):/);
      } else {
        expect(row.actor_id).toBe(userId(step.actor ?? 'county'));
        expect(row.scope).toMatch(/^(region|organisation):/);
      }
    }

    const writes = listRoutes(world.service.app).filter(
      (r) => REGISTRY_CONTROLLERS.includes(r.controller) && r.method !== 'GET',
    );
    const covered = new Set(steps.map((s) => s.route));
    expect(writes.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r))).toEqual([
      'POST /auth/kiosk/session/refresh',
    ]);
  });

  it('lets auditors and the county administrator read the log, filtered and paginated; nobody else', async () => {
    const auditor = await world.token('auditor');
    const page = await world.call<Paginated<AuditEntryView>>('GET', '/audit?action=household.&pageSize=5', {
      token: auditor,
    });
    expect(page.status).toBe(200);
    expect(page.body.pageSize).toBe(5);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((e) => e.action.startsWith('household.'))).toBe(true);
    const byTarget = await world.call<Paginated<AuditEntryView>>(
      'GET',
      `/audit?targetId=${world.households.a1.id}`,
      { token: await world.token('county') },
    );
    expect(byTarget.body.items.every((e) => e.targetId === world.households.a1.id)).toBe(true);
    expect((await world.call('GET', '/audit', { token: await world.token('village-a1') })).status).toBe(403);
  });

  it('keeps the log append-only', async () => {
    await expect(world.dataSource.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(world.dataSource.query('DELETE FROM household_history')).rejects.toThrow(/append-only/);
  });
});
