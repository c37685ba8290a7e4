import { createRuleSetBodySchema, type RuleSetView } from '@fupin/contracts';
import { audit, systemContext, type RequestContext } from '@fupin/service-kit';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { householdAccount } from '../accounts/journal';
import { checkLines, replaceLines } from '../award-sheets/award-lines';
import { AwardSheetsService } from '../award-sheets/award-sheets.service';
import { chinaDay } from '../common/sql';
import type { LedgerConfig } from '../ledger-config';
import { RulesService } from '../rules/rules.service';
import { StoresService } from '../stores/stores.service';
import {
  DEMO_GOODS,
  DEMO_MONTHLY_BASE,
  DEMO_RULE_ITEMS,
  demoAwardLines,
  type DemoGoods,
} from './demo-catalogue';

/** The part of the registry's demo seed result (DEMO_REGISTRY) the ledger's demo needs. */
export interface RegistryDemo {
  kiosks: Array<{ storeName: string; kioskId: string; credential: string }>;
  sampleCards: Array<{ cardNumber: string; pin: string; householdHead: string; village: string }>;
}

export interface LedgerDemoResult {
  /** False when everything already existed (a second run changes nothing). */
  created: boolean;
  /** The month whose award sheets were approved, e.g. `2026-11`. */
  period: string;
  stores: Array<{ id: string; villageCode: string; name: string; goods: number }>;
  sampleBalances: Array<{ cardNumber: string; householdId: string; balance: number }>;
}

export interface SeedLedgerDemoOptions {
  /** How long to wait for the registry's households and stores to reach the ledger. */
  waitMs?: number;
  /** Pause between two looks at the read models. */
  pollMs?: number;
  /** "Now", for the month being awarded (the month before this one, China time). */
  now?: Date;
}

const CTX: RequestContext = systemContext('system:demo-seed');

interface DemoStore {
  id: string;
  name: string;
  villageCode: string;
}

/** The month before the one `now` falls in, China time, as YYYY-MM. */
export function previousPeriod(now: Date): string {
  const [year, month] = chinaDay(now).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the ledger's read models hold the registry's demo: every love supermarket named by
 * the registry's kiosks, every sample card's household (each with its account), and a household
 * count that has stopped growing (the registry registered them all before this runs; the ledger
 * hears of them through Kafka).
 */
export async function waitForRegistryDemo(
  ds: DataSource,
  registry: RegistryDemo,
  { waitMs = 90_000, pollMs = 1_500 }: SeedLedgerDemoOptions = {},
): Promise<DemoStore[]> {
  const storeNames = [...new Set(registry.kiosks.map((k) => k.storeName))];
  const cards = registry.sampleCards.map((c) => c.cardNumber.toUpperCase());
  const deadline = Date.now() + waitMs;
  let lastCount = -1;
  let missing = '';
  for (;;) {
    const stores: Array<{ id: string; name: string; village_code: string }> = await ds.query(
      `SELECT s.id, s.name, s.village_code FROM store_view s JOIN account a ON a.store_id = s.id
       WHERE s.active AND s.name = ANY($1::text[]) ORDER BY s.village_code`,
      [storeNames],
    );
    const [{ found }] = await ds.query(
      `SELECT count(*)::int AS found FROM household_view h JOIN account a ON a.household_id = h.id
       WHERE upper(h.points_card_number) = ANY($1::text[])`,
      [cards],
    );
    const villages = stores.map((s) => s.village_code);
    const [{ households }] = await ds.query(
      `SELECT count(*)::int AS households FROM household_view h JOIN account a ON a.household_id = h.id
       WHERE h.village_code = ANY($1::text[])`,
      [villages],
    );
    const complete = stores.length === storeNames.length && found === cards.length;
    if (complete && households === lastCount) {
      return stores.map((s) => ({ id: s.id, name: s.name, villageCode: s.village_code }));
    }
    lastCount = complete ? households : -1;
    missing = `${stores.length}/${storeNames.length} stores, ${found}/${cards.length} sample cards, ${households} households`;
    if (Date.now() > deadline) {
      throw new Error(`the registry's demo did not reach the ledger in time (${missing})`);
    }
    await sleep(pollMs);
  }
}

/** The village's standard in force on the 1st of the period; published (version 1) when it has none. */
async function ensureRuleSet(
  m: EntityManager,
  rules: RulesService,
  villageCode: string,
  period: string,
): Promise<{ rules: RuleSetView; created: boolean }> {
  const [any] = await m.query(`SELECT 1 FROM rule_set WHERE village_code = $1 LIMIT 1`, [villageCode]);
  if (any) return { rules: await rules.inForce(m, villageCode, `${period}-01`), created: false };
  const body = createRuleSetBodySchema.parse({
    villageCode,
    effectiveFrom: `${period.slice(0, 4)}-01-01`,
    monthlyBase: DEMO_MONTHLY_BASE,
    items: DEMO_RULE_ITEMS,
  });
  const id = randomUUID();
  await m.query(
    `INSERT INTO rule_set (id, village_code, version, effective_from, monthly_base, created_by)
     VALUES ($1, $2, 1, $3, $4, $5)`,
    [id, villageCode, body.effectiveFrom, body.monthlyBase, CTX.actorId],
  );
  for (const item of body.items) {
    await m.query(
      `INSERT INTO rule_item (id, rule_set_id, code, name, points, max_per_month, yearly_cap)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), id, item.code, item.name, item.points, item.maxPerMonth, item.yearlyCap],
    );
  }
  await audit(m, CTX, 'ruleSet.created', { type: 'ruleSet', id }, { villageCode, version: 1 });
  return { rules: (await rules.load(m, id))!, created: true };
}

/**
 * Lists the catalogue's goods the store does not have yet and takes their first stock in through
 * the store's own donation and purchase code (stock ledger, donation receipts, events).
 */
async function ensureGoods(m: EntityManager, stores: StoresService, store: DemoStore): Promise<number> {
  const known = new Set(
    (
      (await m.query(`SELECT name FROM goods WHERE store_id = $1`, [store.id])) as Array<{ name: string }>
    ).map((r) => r.name),
  );
  const added: Array<{ id: string; goods: DemoGoods }> = [];
  for (const goods of DEMO_GOODS.filter((g) => !known.has(g.name))) {
    const id = randomUUID();
    await m.query(
      `INSERT INTO goods (id, store_id, name, picture_url, unit, price_points, low_stock_threshold)
       VALUES ($1, $2, $3, NULL, $4, $5, $6)`,
      [id, store.id, goods.name, goods.unit, goods.pricePoints, goods.lowStockThreshold],
    );
    await audit(m, CTX, 'goods.created', { type: 'goods', id }, { storeId: store.id, name: goods.name });
    added.push({ id, goods });
  }
  const stocked = added.filter((a) => a.goods.quantity > 0);
  const donors = [...new Set(stocked.flatMap((a) => (a.goods.donor ? [a.goods.donor] : [])))];
  for (const donorName of donors) {
    await stores.donate(CTX, m, store.id, {
      donorName,
      lines: stocked
        .filter((a) => a.goods.donor === donorName)
        .map((a) => ({
          goodsId: a.id,
          quantity: a.goods.quantity,
          declaredValueFen: a.goods.quantity * a.goods.unitValueFen,
        })),
    });
  }
  const bought = stocked.filter((a) => !a.goods.donor);
  if (bought.length > 0) {
    await stores.purchase(CTX, m, store.id, {
      supplier: '方城县扶贫超市',
      lines: bought.map((a) => ({
        goodsId: a.id,
        quantity: a.goods.quantity,
        costFen: a.goods.quantity * a.goods.unitValueFen,
      })),
    });
  }
  return added.length;
}

/**
 * Drafts the period's award sheet for every household of the village, puts it through a public
 * notice that has already ended, and approves it with the service's own approval (one balanced
 * journal entry, the `ledger.points.awarded` events). Nothing when the village has a sheet already.
 */
async function ensureApprovedSheet(
  m: EntityManager,
  sheets: AwardSheetsService,
  store: DemoStore,
  rules: RuleSetView,
  period: string,
  sampleCards: Set<string>,
): Promise<boolean> {
  const [exists] = await m.query(`SELECT 1 FROM award_sheet WHERE village_code = $1 AND period = $2`, [
    store.villageCode,
    period,
  ]);
  if (exists) return false;
  const households: Array<{ id: string; household_number: string; points_card_number: string | null }> =
    await m.query(
      `SELECT h.id, h.household_number, h.points_card_number FROM household_view h
       JOIN account a ON a.household_id = h.id WHERE h.village_code = $1 ORDER BY h.household_number`,
      [store.villageCode],
    );
  if (households.length === 0) return false;
  const id = randomUUID();
  await m.query(
    `INSERT INTO award_sheet (id, village_code, period, rule_set_id, status, created_by)
     VALUES ($1, $2, $3, $4, 'draft', $5)`,
    [id, store.villageCode, period, rules.id, CTX.actorId],
  );
  const sheet = { id, villageCode: store.villageCode, period };
  const lines = households.flatMap((h) =>
    demoAwardLines(h.household_number, sampleCards.has((h.points_card_number ?? '').toUpperCase())).map(
      (line) => ({ householdId: h.id, ...line }),
    ),
  );
  await replaceLines(m, id, await checkLines(m, sheet, rules, lines));
  // The seven-day notice (公示) ran in the first days after the month ended, without objection.
  await m.query(
    `UPDATE award_sheet SET status = 'notice', notice_token = $2, submitted_by = $3,
       notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day'
     WHERE id = $1`,
    [id, randomBytes(18).toString('base64url'), CTX.actorId],
  );
  await audit(m, CTX, 'awardSheet.created', { type: 'awardSheet', id }, { ...sheet, lines: lines.length });
  await sheets.approve(CTX, m, id);
  return true;
}

/**
 * The ledger's part of the demo county: a points standard for each demo village, goods with
 * stock in each village's love supermarket, and last month's award sheet approved so every
 * household (the sample cards included) has points to spend. All in one transaction, through the
 * ledger's own posting code; safe to run again (whatever exists is kept).
 */
export async function seedLedgerDemo(
  ds: DataSource,
  config: LedgerConfig,
  registry: RegistryDemo,
  options: SeedLedgerDemoOptions = {},
): Promise<LedgerDemoResult> {
  const demoStores = await waitForRegistryDemo(ds, registry, options);
  const period = previousPeriod(options.now ?? new Date());
  const rules = new RulesService(ds);
  const stores = new StoresService(ds);
  const sheets = new AwardSheetsService(ds, rules, config);
  const sampleCards = new Set(registry.sampleCards.map((c) => c.cardNumber.toUpperCase()));
  return ds.transaction(async (m) => {
    let created = false;
    const storeResults: LedgerDemoResult['stores'] = [];
    for (const store of demoStores) {
      const standard = await ensureRuleSet(m, rules, store.villageCode, period);
      const added = await ensureGoods(m, stores, store);
      const approved = await ensureApprovedSheet(m, sheets, store, standard.rules, period, sampleCards);
      created ||= standard.created || added > 0 || approved;
      const [{ goods }] = await m.query(`SELECT count(*)::int AS goods FROM goods WHERE store_id = $1`, [
        store.id,
      ]);
      storeResults.push({ ...store, goods });
    }
    const sampleBalances: LedgerDemoResult['sampleBalances'] = [];
    for (const card of sampleCards) {
      const [row] = await m.query(`SELECT id FROM household_view WHERE upper(points_card_number) = $1`, [
        card,
      ]);
      const account = row ? await householdAccount(m, row.id) : undefined;
      if (account) sampleBalances.push({ cardNumber: card, householdId: row.id, balance: account.balance });
    }
    return { created, period, stores: storeResults, sampleBalances };
  });
}
