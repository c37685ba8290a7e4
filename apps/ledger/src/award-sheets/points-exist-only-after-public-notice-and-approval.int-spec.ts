/**
 * A month's award sheet: drafted by the village, checked against the standard's caps, posted for
 * public review (公示) with a public link, objected to and corrected, then approved — and only then
 * do the points exist, all at once, exactly once however often the approval is repeated.
 */
import { CODES, newKey, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';

interface Sheet {
  id: string;
  status: string;
  noticeToken: string;
  lines: Array<{ id: string; householdId: string; points: number; count: number }>;
  objections: Array<{ id: string; status: string }>;
  entryId: string | null;
  totalPoints: number;
}

describe('monthly award sheets: points exist only after notice and approval', () => {
  let w: LedgerWorld;
  let village: string;
  let town: string;
  let otherTown: string;
  let county: string;
  let auditor: string;
  let h1: string;
  let h2: string;
  let hOther: string;
  let sheet: Sheet;

  const balance = async (id: string) =>
    (
      await w.call<{ balance: number; pending: number }>('GET', `/accounts/households/${id}`, {
        token: auditor,
      })
    ).body;

  beforeAll(async () => {
    w = await startLedgerWorld({ LEDGER_NOTICE_WINDOW_SECONDS: '3' });
    village = await w.token('village_admin', { kind: 'region', code: CODES.villageA1 });
    town = await w.token('town_admin', { kind: 'region', code: CODES.townA });
    otherTown = await w.token('town_admin', { kind: 'region', code: CODES.townB });
    county = await w.token('county_admin', { kind: 'region', code: CODES.county });
    auditor = await w.token('auditor', { kind: 'region', code: CODES.county });
    h1 = await w.household(CODES.villageA1, '张三丰');
    h2 = await w.household(CODES.villageA1, '李四');
    hOther = await w.household(CODES.villageA2, '赵五');
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('publishes a versioned points standard (积分标准) for the village', async () => {
    const res = await w.call<{ version: number; items: unknown[] }>('POST', '/rule-sets', {
      token: village,
      body: {
        villageCode: CODES.villageA1,
        effectiveFrom: '2026-01-01',
        monthlyBase: 5,
        items: [
          { code: 'hygiene', name: '环境卫生', points: 10, maxPerMonth: 1 },
          { code: 'labour', name: '公益劳动', points: 5, maxPerMonth: 4, yearlyCap: 30 },
          { code: 'wedding', name: '红白事大操大办', points: -20 },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1 });
    const again = await w.call('POST', '/rule-sets', {
      token: village,
      body: {
        villageCode: CODES.villageA2,
        effectiveFrom: '2026-01-01',
        items: [{ code: 'x', name: 'x', points: 1 }],
      },
    });
    expect(again.status).toBe(403);
  });

  it('drafts a sheet and refuses bad lines with a clear 4xx, changing nothing', async () => {
    const created = await w.call<Sheet>('POST', '/award-sheets', {
      token: village,
      body: { villageCode: CODES.villageA1, period: '2026-03' },
    });
    expect(created.status).toBe(201);
    sheet = created.body;
    const put = (lines: unknown[]) =>
      w.call<{ code: string; message: string }>('PUT', `/award-sheets/${sheet.id}/lines`, {
        token: village,
        body: { lines },
      });

    const cases: Array<[unknown[], number, string]> = [
      [[{ householdId: h1, itemCode: 'hygiene', count: 2 }], 422, 'AWARD_MONTHLY_CAP_EXCEEDED'],
      [[{ householdId: hOther, itemCode: 'hygiene' }], 422, 'AWARD_LINE_OTHER_VILLAGE'],
      [
        [{ householdId: '00000000-0000-4000-8000-000000000001', itemCode: 'hygiene' }],
        422,
        'AWARD_LINE_UNKNOWN_HOUSEHOLD',
      ],
      [[{ householdId: h1, itemCode: 'nope' }], 422, 'AWARD_LINE_UNKNOWN_ITEM'],
      [[{ householdId: h1, itemCode: 'hygiene', count: -1 }], 400, 'VALIDATION_FAILED'],
      [[{ householdId: h1, itemCode: 'hygiene', count: 1e20 }], 400, 'VALIDATION_FAILED'],
    ];
    for (const [lines, status, code] of cases) {
      const res = await put(lines);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    const malformed = await w.call('PUT', `/award-sheets/${sheet.id}/lines`, {
      token: village,
      rawBody: '{"lines": [',
    });
    expect(malformed.status).toBe(400);
    expect(await w.count('award_line')).toBe(0);

    const ok = await put([
      { householdId: h1, itemCode: 'hygiene' },
      { householdId: h1, itemCode: 'labour', count: 4 },
      { householdId: h2, itemCode: 'labour', count: 2 },
      { householdId: h2, itemCode: 'wedding' },
    ]);
    expect(ok.status).toBe(200);
    expect((ok.body as unknown as Sheet).lines).toHaveLength(4);
  });

  it('posts the sheet for public notice: readable without login, names masked, points only pending', async () => {
    const submitted = await w.call<Sheet>('POST', `/award-sheets/${sheet.id}/submit`, {
      token: village,
      body: {},
    });
    expect(submitted.status).toBe(200);
    sheet = submitted.body;
    expect(sheet.status).toBe('notice');
    // No approval while the notice runs, and no points yet.
    const early = await w.call<{ code: string }>('POST', `/award-sheets/${sheet.id}/approve`, {
      token: town,
      key: newKey(),
    });
    expect(early.body.code).toBe('NOTICE_NOT_OVER');
    expect(await w.count('journal_entry')).toBe(0);
    const board = await w.call<{ lines: Array<{ headName: string }>; monthlyBase: number }>(
      'GET',
      `/public/notices/${sheet.noticeToken}`,
    );
    expect(board.status).toBe(200);
    expect(board.body.lines.map((l) => l.headName).sort()).toEqual(['张*丰', '张*丰', '李*', '李*']);
    expect((await w.call('GET', '/public/notices/not-a-real-token-at-all')).status).toBe(404);
    // base 5 + hygiene 10 + labour 4×5
    expect(await balance(h1)).toEqual(expect.objectContaining({ balance: 0, pending: 35 }));
    // Lines cannot change once under notice.
    expect(
      (await w.call('PUT', `/award-sheets/${sheet.id}/lines`, { token: village, body: { lines: [] } }))
        .status,
    ).toBe(409);
  });

  it('takes an objection from the household’s kiosk and refuses approval until it is resolved', async () => {
    const store = await w.store(CODES.villageA1);
    const kiosk = await w.kiosk(h1, CODES.villageA1, store);
    const line = sheet.lines.find((l) => l.householdId === h1 && l.count === 4)!;
    const objected = await w.call<Sheet>('POST', `/award-sheets/${sheet.id}/objections`, {
      token: kiosk,
      body: { lineId: line.id, text: '我只参加了三次公益劳动' },
    });
    expect(objected.status).toBe(201);
    const objection = objected.body.objections[0];
    await new Promise((r) => setTimeout(r, 3100));
    const refused = await w.call<{ code: string }>('POST', `/award-sheets/${sheet.id}/approve`, {
      token: town,
      key: newKey(),
    });
    expect(refused.body.code).toBe('OBJECTIONS_OPEN');
    expect(await w.count('journal_entry')).toBe(0);
    const resolved = await w.call<Sheet>(
      'POST',
      `/award-sheets/${sheet.id}/objections/${objection.id}/resolve`,
      {
        token: village,
        body: { outcome: 'upheld', newCount: 3, reason: '核实为三次' },
      },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.lines.find((l) => l.id === line.id)!.points).toBe(15);
  });

  it('approves within scope only, posting every line in one entry; a repeat changes nothing', async () => {
    expect(
      (await w.call('POST', `/award-sheets/${sheet.id}/approve`, { token: otherTown, key: newKey() })).status,
    ).toBe(403);
    expect(
      (await w.call('POST', `/award-sheets/${sheet.id}/approve`, { token: village, key: newKey() })).status,
    ).toBe(403);
    expect((await w.call('POST', `/award-sheets/${sheet.id}/approve`, { token: town })).status).toBe(400);
    const key = newKey();
    const first = await w.call<Sheet>('POST', `/award-sheets/${sheet.id}/approve`, { token: town, key });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('approved');
    const again = await w.call<Sheet>('POST', `/award-sheets/${sheet.id}/approve`, { token: town, key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await w.count('journal_entry')).toBe(1);
    // h1: base 5 + hygiene 10 + labour 3×5; h2: base 5 + labour 2×5 − 20 → clamped to 0 (never below zero)
    expect((await balance(h1)).balance).toBe(30);
    expect((await balance(h2)).balance).toBe(0);
    const other = await w.call<{ code: string }>('POST', `/award-sheets/${sheet.id}/approve`, {
      token: county,
      key: newKey(),
    });
    expect(other.body.code).toBe('AWARD_SHEET_WRONG_STATUS');
    const events = await w.dataSource.query(`SELECT event_type FROM outbox`);
    expect(events.map((e: { event_type: string }) => e.event_type)).toContain('ledger.points.awarded');
  });

  it('keeps the books balanced: every balance is the sum of its legs, and all sum to zero', async () => {
    const tb = await w.call('GET', '/accounts/trial-balance', { token: auditor });
    expect(tb.body).toMatchObject({ sumOfBalances: 0, sumOfLegs: 0, mismatchedAccounts: 0 });
    const statement = await w.call<{ items: Array<{ amount: number; operatorRole: string }> }>(
      'GET',
      `/accounts/households/${h1}/statement`,
      { token: village },
    );
    expect(statement.body.items).toEqual([
      expect.objectContaining({ amount: 30, operatorRole: 'town_admin' }),
    ]);
  });

  it('enforces the yearly cap against approved sheets of the same year', async () => {
    const next = await w.call<Sheet>('POST', '/award-sheets', {
      token: village,
      body: { villageCode: CODES.villageA1, period: '2026-04' },
    });
    const res = await w.call<{ code: string }>('PUT', `/award-sheets/${next.body.id}/lines`, {
      token: village,
      body: { lines: [{ householdId: h1, itemCode: 'labour', count: 4 }] },
    });
    // 15 already earned from labour in 2026, 20 more would pass the cap of 30.
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('AWARD_YEARLY_CAP_EXCEEDED');
  });

  it('refuses to rewrite the journal: entries and legs are append-only and must balance', async () => {
    await expect(w.dataSource.query(`UPDATE journal_leg SET amount = amount + 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(w.dataSource.query(`DELETE FROM journal_entry`)).rejects.toThrow(/append-only/);
    await expect(
      w.dataSource.transaction(async (m) => {
        const [acc] = await m.query(`SELECT id FROM account WHERE household_id = $1`, [h1]);
        await m.query(
          `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role) VALUES (gen_random_uuid(), 'award', 'x', 'x', 'x')`,
        );
        const [e] = await m.query(`SELECT id FROM journal_entry ORDER BY entry_number DESC LIMIT 1`);
        await m.query(`INSERT INTO journal_leg (entry_id, account_id, amount) VALUES ($1, $2, 5)`, [
          e.id,
          acc.id,
        ]);
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(
      w.dataSource.query(
        `INSERT INTO journal_leg (entry_id, account_id, amount) VALUES (gen_random_uuid(), gen_random_uuid(), 1)`,
      ),
    ).rejects.toThrow(/transaction that created it/);
    await expect(w.dataSource.query(`DELETE FROM account WHERE household_id = $1`, [h1])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      w.dataSource.query(`UPDATE account SET balance = -1 WHERE household_id = $1`, [h1]),
    ).rejects.toThrow(/household_balance_never_negative/);
  });
});
