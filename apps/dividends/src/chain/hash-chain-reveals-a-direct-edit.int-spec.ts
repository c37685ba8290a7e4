/**
 * Published notices and posted batches form a hash chain. Anyone can verify it without signing in;
 * a direct SQL edit of a published notice's amounts is reported as the first broken link.
 */
import { startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun } from '../testing/scenarios';

describe('the hash chain over notices and batches', () => {
  let world: DividendsWorld;
  const notices: string[] = [];

  beforeAll(async () => {
    world = await startDividendsWorld();
    for (let i = 0; i < 3; i++) {
      const id = await coopDryRun(world, 100_000 + i);
      const published = await world.call<{ notice: { id: string } }>('POST', `/distributions/${id}/notice`, {
        who: 'accountantA',
        body: { days: 10 },
      });
      expect(published.status).toBe(200);
      notices.push(published.body.notice.id);
    }
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('shows the notice to the public with names masked, and the chain intact', async () => {
    const notice = await world.call<{
      lines: Array<{ householdName: string; amountFen: string }>;
      chain: { seq: number };
    }>('GET', `/public/notices/${notices[1]}`);
    expect(notice.status).toBe(200);
    expect(notice.body.chain.seq).toBe(2);
    expect(notice.body.lines.map((l) => l.householdName).sort()).toEqual(['张**', '李**', '王**']);
    expect(notice.text).not.toContain('王建国');
    expect((await world.call<unknown[]>('GET', '/public/notices')).body).toHaveLength(3);
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({
      intact: true,
      length: 3,
      firstBroken: null,
    });
  });

  it('pinpoints the first broken link after a direct edit of a published notice', async () => {
    await world.dataSource.query(
      `UPDATE distribution_line SET amount_fen = amount_fen + 100
       WHERE household_id = $1 AND distribution_id = (SELECT distribution_id FROM notice WHERE id = $2)`,
      [world.households.a1, notices[1]],
    );
    const verdict = await world.call('GET', '/public/chain/verify');
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({
      intact: false,
      length: 3,
      firstBroken: { seq: 2, kind: 'notice', refId: notices[1], reason: 'content_changed' },
    });
  });

  it('names a tampered link when a stored hash is rewritten', async () => {
    await world.dataSource.query(
      `UPDATE distribution_line SET amount_fen = amount_fen - 100
       WHERE household_id = $1 AND distribution_id = (SELECT distribution_id FROM notice WHERE id = $2)`,
      [world.households.a1, notices[1]],
    );
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({ intact: true });
    await world.dataSource.query(`UPDATE chain_record SET hash = repeat('a', 64) WHERE seq = 1`);
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({
      intact: false,
      firstBroken: { seq: 1, reason: 'content_changed' },
    });
  });
});
