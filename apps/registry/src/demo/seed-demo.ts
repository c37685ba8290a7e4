import { registerHouseholdBodySchema } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { systemContext } from '@fupin/service-kit';
import { SecretHasher } from '../common/secret-hasher';
import { HouseholdPinService } from '../households/household-pin.service';
import { HouseholdsService } from '../households/households.service';
import { demoKioskSecret, formatCredential } from '../kiosks/kiosk-credential';
import { KiosksService } from '../kiosks/kiosks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { RegionsService } from '../regions/regions.service';
import { UsersService } from '../users/users.service';
import {
  DEMO_COUNTY,
  DEMO_PASSWORD,
  DEMO_TOWNS,
  demoOrganisations,
  demoUsers,
  GROUP_NAMES,
} from './demo-county';
import { demoHouseholds } from './demo-households';

export interface SeedDemoOptions {
  /** The registry's REGISTRY_ENCRYPTION_KEY (base64); the development key when absent. */
  encryptionKey?: string;
  /** Households per village; 50 gives the demo's 300. */
  householdsPerVillage?: number;
}

export interface SeedDemoResult {
  /** False when everything already existed (a second run changes nothing). */
  created: boolean;
  logins: Array<{ role: string; username: string; password: string; scope: string }>;
  kiosks: Array<{ storeName: string; kioskId: string; credential: string }>;
  sampleCards: Array<{ cardNumber: string; pin: string; householdHead: string; village: string }>;
}

const KIOSK_NAME = '一号自助终端';
const CTX = systemContext('system:demo-seed');

/** Runs `fn` over `items`, at most `limit` at a time (argon2 hashing is the slow part). */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Creates the demo county (方城县: 2 towns, 6 villages, 24 groups, 300 households, organisations of
 * every kind, a kiosk per love supermarket, staff of every role) through the same domain services
 * as the API, so every event and audit row is written as in real use. Idempotent: whatever exists
 * is kept, and the credentials it returns are the same every run.
 */
export async function seedDemo(
  dataSource: DataSource,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const cipher = FieldCipher.fromConfig(options.encryptionKey);
  const hasher = new SecretHasher();
  const regions = new RegionsService(dataSource);
  const organisations = new OrganisationsService(dataSource);
  const households = new HouseholdsService(dataSource, cipher);
  const pins = new HouseholdPinService(dataSource, hasher);
  const users = new UsersService(dataSource, hasher);
  const kiosks = new KiosksService(dataSource);
  let created = false;

  const ensureRegion = async (code: string, name: string) => {
    if (await regions.find(code)) return;
    await regions.create(CTX, { code, name });
    created = true;
  };
  await ensureRegion(DEMO_COUNTY.code, DEMO_COUNTY.name);
  for (const town of DEMO_TOWNS) {
    await ensureRegion(town.code, town.name);
    for (const village of town.villages) {
      await ensureRegion(village.code, village.name);
      for (const [i, name] of GROUP_NAMES.entries())
        await ensureRegion(`${village.code}${String(i + 1).padStart(3, '0')}`, name);
    }
  }

  const orgIds = new Map<string, string>();
  const orgNames = new Map<string, string>();
  for (const org of demoOrganisations()) {
    const [known] = (await dataSource.query(
      'SELECT id FROM organisations WHERE type = $1 AND region_code = $2 AND name = $3',
      [org.type, org.regionCode, org.name],
    )) as Array<{ id: string }>;
    const id =
      known?.id ??
      (
        await organisations.create(CTX, {
          type: org.type,
          name: org.name,
          regionCode: org.regionCode,
          contactName: org.contactName ?? null,
        })
      ).id;
    created ||= !known;
    orgIds.set(org.key, id);
    orgNames.set(org.key, org.name);
  }

  const demo = demoHouseholds(options.householdsPerVillage ?? 50);
  const existing = new Map(
    (
      (await dataSource.query(
        'SELECT household_number, id, pin_hash IS NOT NULL AS has_pin FROM households WHERE household_number = ANY($1)',
        [demo.map((h) => h.body.householdNumber)],
      )) as Array<{ household_number: string; id: string; has_pin: boolean }>
    ).map((r) => [r.household_number, r]),
  );
  await eachLimited(demo, 4, async (h) => {
    const found = existing.get(h.body.householdNumber);
    const id = found?.id ?? (await households.register(CTX, registerHouseholdBodySchema.parse(h.body))).id;
    if (!found?.has_pin) await pins.setPin(CTX, id, h.pin);
    created ||= !found || !found.has_pin;
  });

  const logins: SeedDemoResult['logins'] = [];
  const regionNames = new Map<string, string>([[DEMO_COUNTY.code, DEMO_COUNTY.name]]);
  for (const t of DEMO_TOWNS) {
    regionNames.set(t.code, `${DEMO_COUNTY.name} ${t.name}`);
    for (const v of t.villages) regionNames.set(v.code, `${DEMO_COUNTY.name} ${t.name} ${v.name}`);
  }
  for (const user of demoUsers()) {
    const scope =
      user.scope.kind === 'region'
        ? user.scope
        : { kind: 'organisation' as const, id: orgIds.get(user.scope.key)! };
    const [found] = (await dataSource.query('SELECT id FROM users WHERE username = $1', [
      user.username,
    ])) as unknown[];
    if (!found) {
      await users.create(
        CTX,
        {
          username: user.username,
          displayName: user.displayName,
          password: DEMO_PASSWORD,
          role: user.role,
          scope,
        },
        { mustChangePassword: false },
      );
      created = true;
    }
    const scopeName =
      user.scope.kind === 'region' ? regionNames.get(user.scope.code)! : orgNames.get(user.scope.key)!;
    logins.push({ role: user.role, username: user.username, password: DEMO_PASSWORD, scope: scopeName });
  }

  const kioskList: SeedDemoResult['kiosks'] = [];
  for (const org of demoOrganisations().filter((o) => o.type === 'love_supermarket')) {
    const storeId = orgIds.get(org.key)!;
    const [found] = (await dataSource.query('SELECT id FROM kiosks WHERE store_id = $1 AND name = $2', [
      storeId,
      KIOSK_NAME,
    ])) as Array<{ id: string }>;
    let kioskId = found?.id;
    if (!kioskId) {
      kioskId = randomUUID();
      await kiosks.register(
        CTX,
        { storeId, name: KIOSK_NAME },
        { id: kioskId, secret: demoKioskSecret(kioskId) },
      );
      created = true;
    }
    kioskList.push({
      storeName: org.name,
      kioskId,
      credential: formatCredential(kioskId, demoKioskSecret(kioskId)),
    });
  }

  const sampleCards = demo
    .filter((_, i) => i % (options.householdsPerVillage ?? 50) < 2)
    .map((h) => ({
      cardNumber: h.body.pointsCardNumber!,
      pin: h.pin,
      householdHead: h.body.members.find((m) => m.relation === 'head')!.name,
      village: h.villageName,
    }));
  return { created, logins, kiosks: kioskList, sampleCards };
}
