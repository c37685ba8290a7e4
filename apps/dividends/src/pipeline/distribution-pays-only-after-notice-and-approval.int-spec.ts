/**
 * The whole pipeline for one cooperative: dry run with explanations → notice of at least ten days →
 * approval recorded with its village meeting → posting to the double-entry ledger → bank file →
 * bank confirmations → retry. Nothing posts before approval; replays change nothing.
 */
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting } from '../testing/scenarios';

interface Distribution {
  id: string;
  status: string;
  poolFen: string;
  householdTotalFen: string;
  accountParts: Array<{ account: string; amountFen: string }>;
  notice: { id: string; endsAt: string } | null;
  approval: { id: string } | null;
}

describe('a distribution pays only after its notice and approval', () => {
  let world: DividendsWorld;
  let id: string;
  const ledgerRows = () =>
    world.count(
      'ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id',
      't.distribution_id = $1',
      [id],
    );
  const outbox = (type: string) => world.count('outbox', 'event_type = $1', [type]);

  beforeAll(async () => {
    world = await startDividendsWorld();
    id = await coopDryRun(world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('computes a dry run that places the pool to the fen and explains every household', async () => {
    const d = (await world.call<Distribution>('GET', `/distributions/${id}`, { who: 'auditor' })).body;
    expect(d.status).toBe('dry_run');
    const retained = d.accountParts.reduce((s, a) => s + BigInt(a.amountFen), 0n);
    expect(BigInt(d.householdTotalFen) + retained).toBe(1_234_567n);
    expect(d.accountParts).toEqual([
      { account: 'running_costs', amountFen: '185185' },
      { account: 'village_collective', amountFen: '370370' },
    ]);
    const lines = await world.call<{
      items: Array<{ householdId: string; amountFen: string; explanation: Array<Record<string, string>> }>;
    }>('GET', `/distributions/${id}/lines`, { who: 'accountantA' });
    const a1 = lines.body.items.find((l) => l.householdId === world.households.a1)!;
    const a2 = lines.body.items.find((l) => l.householdId === world.households.a2)!;
    // a1 held 100 shares for 365 days, a2 100 shares for 183 days: weights 36,500 and 18,300.
    expect(a1.explanation).toEqual([
      expect.objectContaining({ basis: 'share_days', weight: '36500', stepAmountFen: '679012' }),
    ]);
    expect(a2.explanation[0].weight).toBe('18300');
    expect(lines.body.items.reduce((s, l) => s + BigInt(l.amountFen), 0n)).toBe(679_012n);
  });

  it('refuses to post before approval, and to approve while the notice runs; nothing is posted', async () => {
    const early = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-too-early-1',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'DISTRIBUTION_WRONG_STATUS' });
    expect(
      await world.call('POST', `/distributions/${id}/notice`, { who: 'accountantA', body: { days: 10 } }),
    ).toMatchObject({ status: 200 });
    const [notice] = await world.dataSource.query(
      'SELECT days, day_seconds FROM notice WHERE distribution_id = $1',
      [id],
    );
    expect(notice).toEqual({ days: 10, day_seconds: 86_400 });
    // the database itself refuses a notice cut short
    await expect(
      world.dataSource.query(
        `UPDATE notice SET ends_at = published_at + interval '9 days' WHERE distribution_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/notice_ends_after_its_days/);
    await expect(
      world.dataSource.query('UPDATE notice SET days = 9 WHERE distribution_id = $1', [id]),
    ).rejects.toThrow(/notice_runs_ten_days/);
    const running = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-early-01',
      body: meeting(dateAfter(0)),
    });
    expect(running.status).toBe(409);
    expect(running.body).toMatchObject({ code: 'DISTRIBUTION_NOTICE_PERIOD_RUNNING' });
    const stillNoticed = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-too-early-2',
    });
    expect(stillNoticed.status).toBe(409);
    expect(await ledgerRows()).toBe(0);
    expect(await world.count('payout', 'distribution_id = $1', [id])).toBe(0);
  });

  it('holds the approval while an objection is open, and the accountant cannot approve their own plan', async () => {
    world.advanceDays(10);
    const objection = await world.call<{ objections: Array<{ id: string }> }>(
      'POST',
      `/distributions/${id}/objections`,
      {
        who: 'villageA1',
        body: { raisedBy: '村民李某', text: '入股时间登记有误' },
      },
    );
    expect(objection.status).toBe(201);
    const blocked = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-blocked',
      body: meeting(dateAfter(10)),
    });
    expect(blocked.body).toMatchObject({ code: 'DISTRIBUTION_OBJECTIONS_OPEN' });
    const own = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'accountantA',
      key: 'approve-own-01',
      body: meeting(dateAfter(10)),
    });
    expect(own.status).toBe(403);
    const resolved = await world.call(
      'POST',
      `/distributions/${id}/objections/${objection.body.objections[0].id}/resolution`,
      {
        who: 'villageA1',
        body: { resolution: '经核对入股协议，登记无误，已当面答复' },
      },
    );
    expect(resolved.status).toBe(200);
  });

  it('approves once with the village meeting on record; a replay returns the same answer and changes nothing', async () => {
    const first = await world.call<Distribution>('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-0000001',
      body: meeting(dateAfter(10)),
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('approved');
    const replay = await world.call<Distribution>('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-0000001',
      body: meeting(dateAfter(10)),
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const again = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-0000002',
      body: meeting(dateAfter(10)),
    });
    expect(again.status).toBe(409);
    expect(await world.count('approval', 'distribution_id = $1', [id])).toBe(1);
    expect(await outbox('dividends.distribution.approved')).toBe(1);
  });

  it('lets an approval be revoked before posting, and approved again', async () => {
    const revoked = await world.call<Distribution>('POST', `/distributions/${id}/approval/revocation`, {
      who: 'villageA1',
      body: { reason: '会议签到表缺页，重新开会' },
    });
    expect(revoked.body).toMatchObject({ status: 'noticed', approval: null });
    const reapproved = await world.call<Distribution>('POST', `/distributions/${id}/approval`, {
      who: 'villageA1',
      key: 'approve-0000003',
      body: meeting(dateAfter(10)),
    });
    expect(reapproved.body.status).toBe('approved');
  });

  it('posts all at once: balanced ledger, one payout per household, a batch in the chain; a replay posts nothing more', async () => {
    const posted = await world.call<{ distribution: Distribution; batchId: string }>(
      'POST',
      `/distributions/${id}/posting`,
      { who: 'accountantA', key: 'post-00000001' },
    );
    expect(posted.status).toBe(200);
    expect(posted.body.distribution.status).toBe('posted');
    const [sum] = await world.dataSource.query(
      `SELECT sum(e.amount_fen)::text AS total, count(*)::int AS n FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id WHERE t.distribution_id = $1`,
      [id],
    );
    // Pool in; households payable (one total, whose sub-ledger is the payouts) and two retained parts out.
    expect(sum).toEqual({ total: '0', n: 1 + 1 + 2 });
    expect(await world.count('payout', 'distribution_id = $1', [id])).toBe(3);
    const [control] = await world.dataSource.query(
      `SELECT (SELECT -sum(e.amount_fen) FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
               WHERE t.distribution_id = $1 AND e.account LIKE '%:households_payable')::text AS payable,
              (SELECT sum(amount_fen) FROM payout WHERE distribution_id = $1)::text AS payouts`,
      [id],
    );
    expect(control.payable).toBe(control.payouts);
    const replay = await world.call<{ batchId: string }>('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-00000001',
    });
    expect(replay.body.batchId).toBe(posted.body.batchId);
    expect(await ledgerRows()).toBe(4);
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({ intact: true, length: 2 });
  });

  it('writes a bank file with the masked account and household number, and imports confirmations exactly once', async () => {
    const list = await world.call<{
      batches: Array<{ id: string }>;
      payouts: Array<{ id: string; householdId: string; status: string }>;
    }>('GET', `/distributions/${id}/payouts`, { who: 'accountantA' });
    const batchId = list.body.batches[0].id;
    const csv = await world.call('GET', `/payout-batches/${batchId}/bank-file?format=csv`, {
      who: 'accountantA',
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('账号（脱敏）');
    expect(csv.text).toMatch(/H-0001,王建国,方城县农村信用社,6230\*\*\*\*1001/);
    expect(csv.text).not.toMatch(/6230\d{8}/);
    const xlsx = await world.call('GET', `/payout-batches/${batchId}/bank-file?format=xlsx`, {
      who: 'county',
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    const [p1, p2, p3] = list.body.payouts;
    const body = {
      lines: [
        { payoutId: p1.id, status: 'paid', bankReference: 'BANK-0001' },
        { payoutId: p2.id, status: 'failed', reason: '账户已销户' },
      ],
    };
    const first = await world.call('POST', `/payout-batches/${batchId}/confirmations`, {
      who: 'accountantA',
      key: 'bank-confirm-01',
      body,
    });
    expect(first.body).toMatchObject({ applied: 2, unchanged: 0 });
    const ledgerAfter = await world.count('ledger_entry');
    const replaySameKey = await world.call('POST', `/payout-batches/${batchId}/confirmations`, {
      who: 'accountantA',
      key: 'bank-confirm-01',
      body,
    });
    expect(replaySameKey.body).toEqual(first.body);
    const replayNewKey = await world.call('POST', `/payout-batches/${batchId}/confirmations`, {
      who: 'accountantA',
      key: 'bank-confirm-02',
      body,
    });
    expect(replayNewKey.body).toMatchObject({ applied: 0, unchanged: 2 });
    const conflicting = await world.call('POST', `/payout-batches/${batchId}/confirmations`, {
      who: 'accountantA',
      key: 'bank-confirm-03',
      body: {
        lines: [
          { payoutId: p3.id, status: 'paid', bankReference: 'BANK-0003' },
          { payoutId: p1.id, status: 'failed', reason: '退票' },
        ],
      },
    });
    expect(conflicting.status).toBe(409);
    expect(await world.count('payout', `id = $1 AND status = 'pending'`, [p3.id])).toBe(1);
    expect(await world.count('ledger_entry')).toBe(ledgerAfter);
    expect(await outbox('dividends.payout.made')).toBe(1);
    expect(await outbox('dividends.payout.failed')).toBe(1);
  });

  it('retries a failed payout with a reason in a new batch, and only a failed one', async () => {
    const list = await world.call<{ payouts: Array<{ id: string; status: string }> }>(
      'GET',
      `/distributions/${id}/payouts`,
      { who: 'auditor' },
    );
    const failed = list.body.payouts.find((p) => p.status === 'failed')!;
    const paid = list.body.payouts.find((p) => p.status === 'paid')!;
    expect(
      (
        await world.call('POST', `/payouts/${paid.id}/retry`, {
          who: 'accountantA',
          body: { reason: '重发' },
        })
      ).status,
    ).toBe(409);
    const retried = await world.call<{ attempt: number; status: string }>(
      'POST',
      `/payouts/${failed.id}/retry`,
      {
        who: 'accountantA',
        body: { reason: '户主已在登记库更新银行卡' },
      },
    );
    expect(retried.body).toMatchObject({ attempt: 2, status: 'pending' });
    const batch = await world.call<{ lineCount: number }>('POST', `/distributions/${id}/payout-batches`, {
      who: 'county',
    });
    expect(batch.body.lineCount).toBe(1);
    expect((await world.call('GET', '/public/chain/verify')).body).toMatchObject({ intact: true, length: 3 });
  });
});
