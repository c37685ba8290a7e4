/**
 * A notice or batch of millions of rows is hashed without building it in memory: the database
 * writes each row's canonical JSON and the rows stream into the hash. The hash must be the very
 * one of the record's canonical JSON read into JavaScript (as links made before were hashed),
 * including for names with quotes, backslashes, control characters and characters beyond the BMP.
 */
import { ChainService, canonicalJson, chainHash } from './chain.service';
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';

const AWKWARD_NAMES = [
  '王"建国"',
  'back\\slash',
  'line\nbreak\ttab\r',
  'ctl\u0001\u001f',
  '𠀀李秀英 😀',
  '/a/',
];

describe('the chain hash of streamed rows', () => {
  let world: DividendsWorld;
  let distributionId: string;
  const chain = () => new ChainService(world.dataSource);

  /** The record as it was hashed before rows were streamed: read into JavaScript, then canonical JSON. */
  async function hashReadIntoJavaScript(kind: 'notice' | 'payout_batch', refId: string, prev: string) {
    const q = world.dataSource;
    if (kind === 'notice') {
      const [notice] = await q.query(
        `SELECT n.id, n.distribution_id, n.entity_id, n.title, n.published_at, n.ends_at, d.pool_fen::text AS pool_fen,
                d.plan_id, d.plan_version, d.period_start::text AS period_start, d.period_end::text AS period_end, d.account_parts
         FROM notice n JOIN distribution d ON d.id = n.distribution_id WHERE n.id = $1`,
        [refId],
      );
      const lines = await q.query(
        `SELECT household_id, household_number, head_name, village_code, amount_fen::text AS amount_fen
         FROM distribution_line WHERE distribution_id = $1 ORDER BY household_id`,
        [notice.distribution_id],
      );
      return chainHash(prev, {
        ...notice,
        published_at: new Date(notice.published_at).toISOString(),
        ends_at: new Date(notice.ends_at).toISOString(),
        lines,
      });
    }
    const [batch] = await q.query(
      `SELECT id, distribution_id, line_count, total_fen::text AS total_fen, created_at FROM payout_batch WHERE id = $1`,
      [refId],
    );
    const payouts = await q.query(
      `SELECT id, household_id, household_number, bank_account_masked, amount_fen::text AS amount_fen, attempt
       FROM payout WHERE batch_id = $1 ORDER BY id`,
      [refId],
    );
    return chainHash(prev, { ...batch, created_at: new Date(batch.created_at).toISOString(), payouts });
  }

  const streamed = (kind: 'notice' | 'payout_batch', refId: string, prev: string) =>
    world.dataSource.transaction((manager) => chain().hashOf(manager, kind, refId, prev));

  beforeAll(async () => {
    world = await startDividendsWorld();
    distributionId = await coopDryRun(world);
    // Awkward names on the lines before the notice, and on the payouts after posting.
    const lines = (await world.dataSource.query(
      'SELECT household_id FROM distribution_line WHERE distribution_id = $1 ORDER BY household_id',
      [distributionId],
    )) as Array<{ household_id: string }>;
    for (const [i, l] of lines.entries()) {
      await world.dataSource.query(
        'UPDATE distribution_line SET head_name = $3, household_number = $4 WHERE distribution_id = $1 AND household_id = $2',
        [distributionId, l.household_id, AWKWARD_NAMES[i], `${AWKWARD_NAMES[i + 1]}-${i}`],
      );
      // The posting copies the account the read model holds; the first household has none.
      await world.dataSource.query('UPDATE household_rm SET bank_account_masked = $2 WHERE id = $1', [
        l.household_id,
        i === 0 ? null : `6217"${AWKWARD_NAMES[i + 2] ?? ''}\\${i}`,
      ]);
    }
    await noticeAndWait(world, distributionId);
    const approved = await world.call('POST', `/distributions/${distributionId}/approval`, {
      who: 'county',
      key: 'approve-stream',
      body: meeting(dateAfter(10)),
    });
    expect(approved.status).toBe(200);
    const posted = await world.call('POST', `/distributions/${distributionId}/posting`, {
      who: 'accountantA',
      key: 'post-stream',
    });
    expect(posted.status).toBe(200);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('gives a notice with awkward names the hash of its canonical JSON', async () => {
    const [notice] = await world.dataSource.query('SELECT id FROM notice WHERE distribution_id = $1', [
      distributionId,
    ]);
    const prev = 'a'.repeat(64);
    expect(await streamed('notice', notice.id, prev)).toBe(
      await hashReadIntoJavaScript('notice', notice.id, prev),
    );
  });

  it('links the posted batch with the hash its canonical JSON has, made while the payouts were written', async () => {
    const [record] = await world.dataSource.query(
      `SELECT c.ref_id, c.prev_hash, c.hash FROM chain_record c JOIN payout_batch b ON b.id = c.ref_id
       WHERE b.distribution_id = $1`,
      [distributionId],
    );
    const accounts = await world.dataSource.query(
      'SELECT bank_account_masked FROM payout WHERE batch_id = $1 ORDER BY household_id',
      [record.ref_id],
    );
    expect(accounts[0].bank_account_masked).toBeNull();
    expect(accounts[1].bank_account_masked).toMatch(/^6217"/);
    expect(record.hash).toBe(await hashReadIntoJavaScript('payout_batch', record.ref_id, record.prev_hash));
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({ intact: true });
  });

  it('gives a batch whose payouts carry awkward names and accounts the hash of its canonical JSON', async () => {
    const [batch] = await world.dataSource.query('SELECT id FROM payout_batch WHERE distribution_id = $1', [
      distributionId,
    ]);
    const payouts = (await world.dataSource.query('SELECT id FROM payout WHERE batch_id = $1 ORDER BY id', [
      batch.id,
    ])) as Array<{ id: string }>;
    // A direct edit, as an attacker would make it: the hash must follow the bytes exactly.
    for (const [i, p] of payouts.entries())
      await world.dataSource.query(
        'UPDATE payout SET household_number = $2, bank_account_masked = $3 WHERE id = $1',
        [p.id, AWKWARD_NAMES[AWKWARD_NAMES.length - 1 - i], i === 0 ? null : `6217"\\${i}`],
      );
    const prev = 'b'.repeat(64);
    expect(await streamed('payout_batch', batch.id, prev)).toBe(
      await hashReadIntoJavaScript('payout_batch', batch.id, prev),
    );
    // And the chain now reports the edit.
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({
      intact: false,
      firstBroken: { kind: 'payout_batch', reason: 'content_changed' },
    });
  });

  it('answers "no such record" for an unknown or malformed id', async () => {
    expect(
      await streamed('payout_batch', '00000000-0000-4000-8000-000000000000', 'c'.repeat(64)),
    ).toBeUndefined();
    expect(await streamed('notice', "x'; DROP TABLE payout; --", 'c'.repeat(64))).toBeUndefined();
  });

  it('keeps canonical JSON as it was: sorted keys, no spaces', () => {
    expect(canonicalJson({ b: 1, a: ['x', null, { d: '"', c: 2 }] })).toBe(
      '{"a":["x",null,{"c":2,"d":"\\""}],"b":1}',
    );
  });
});
