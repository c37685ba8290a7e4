import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

function pick(label: string | RegExp, optionText: string | RegExp, scope: HTMLElement = document.body) {
  const select = within(scope).getByLabelText(label) as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: optionText }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

describe('a monthly award sheet from draft to approval', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('lets the village committee open a draft, add lines from the village’s households, save and post it', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/sheets', { as: 'yanshanpu-admin' });
    expect(await screen.findByRole('heading', { level: 1, name: '月度评分表' })).toBeInTheDocument();
    expect(await screen.findByText('本村还没有评分表')).toBeInTheDocument();

    const draftForm = screen.getByRole('form', { name: '新建评分表' });
    fireEvent.change(within(draftForm).getByLabelText(/月份/), { target: { value: '2031-03' } });
    fireEvent.click(within(draftForm).getByRole('button', { name: '新建评分表' }));
    expect(await screen.findByRole('heading', { level: 1, name: '2031-03 月度评分表' })).toBeInTheDocument();

    const add = await screen.findByRole('form', { name: '添加一条评分' });
    // Only this village's households are offered (the registry's list, filtered by name).
    await waitFor(() => expect(within(add).getAllByRole('option').length).toBeGreaterThan(10));
    expect(within(add).queryByRole('option', { name: /4113221042020001/ })).not.toBeInTheDocument();
    fireEvent.change(within(add).getByLabelText('查找农户（姓名或户编号）'), { target: { value: '马东升' } });
    pick('农户', /马东升 · 4113221042010001/, add);
    pick('条目', '环境卫生达标（+5）', add);
    fireEvent.click(within(add).getByRole('button', { name: '加入明细' }));
    fireEvent.change(within(add).getByLabelText('查找农户（姓名或户编号）'), { target: { value: '' } });
    pick('农户', /杜斌 · 4113221042010002/, add);
    pick('条目', '公益劳动（+2）', add);
    fireEvent.change(within(add).getByLabelText('次数'), { target: { value: '9' } });
    fireEvent.click(within(add).getByRole('button', { name: '加入明细' }));
    expect(within(add).getByRole('alert')).toHaveTextContent('次数须在 1 到 4 之间');
    fireEvent.change(within(add).getByLabelText('次数'), { target: { value: '3' } });
    fireEvent.click(within(add).getByRole('button', { name: '加入明细' }));

    expect(screen.getByRole('table', { name: '评分明细（2 条，合计 +11 分）' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存明细' }));
    expect(await screen.findByText('已保存 2 条明细')).toBeInTheDocument();
    const saved = ledger.calls(`/api/ledger/award-sheets/${ledger.sheets[0]!.id}/lines`, 'PUT')[0]!;
    expect(JSON.parse(saved.body)).toEqual({
      lines: [
        { householdId: 'aaaaaaaa-0000-4000-8000-000000000001', itemCode: 'HYG', count: 1 },
        { householdId: 'aaaaaaaa-0000-4000-8000-000000000002', itemCode: 'LAB', count: 3 },
      ],
    });

    fireEvent.change(screen.getByLabelText(/公示天数/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: '提交公示' }));
    expect(screen.getByText(/确定把这张评分表（2 户）提交公示吗/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText(/正在公示，到 .* 结束/)).toBeInTheDocument();
    expect(
      JSON.parse(ledger.calls(`/api/ledger/award-sheets/${ledger.sheets[0]!.id}/submit`)[0]!.body),
    ).toEqual({
      noticeDays: 3,
    });
    expect(screen.getByRole('link', { name: '打开公示页（可打印张贴）' })).toHaveAttribute(
      'href',
      '/public/points/notices/Tok3n_abcdefghijklmnop',
    );
    // Points under notice are pending, not yet spendable; the village cannot approve its own sheet.
    expect(screen.getAllByText('公示中，待审批').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: '审批通过，积分到账' })).not.toBeInTheDocument();
  });

  it('shows every rejected row of an import in the reader’s words and keeps the lines', async () => {
    ledger.sheets.push({
      ...baseSheet(ledger),
      status: 'draft',
    });
    ledger.rejectImport([
      '第 2 行：本村没有户编号 4113221042019999 / row 2: unknown household',
      '第 4 行：次数无效 / row 4: bad count',
    ]);
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/points/sheets/${ledger.sheets[0]!.id}`, {
      as: 'yanshanpu-admin',
    });
    fireEvent.change(await screen.findByLabelText('评分表文件'), {
      target: { files: [new NodeFile(['户编号,条目代码,次数\n'], 'march.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: '上传并导入' }));
    const alert = await screen.findByText('文件有 2 行有问题，没有导入');
    expect(alert).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: '有问题的行' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['第 2 行：本村没有户编号 4113221042019999', '第 4 行：次数无效']);
    const upload = ledger.calls(`/api/ledger/award-sheets/${ledger.sheets[0]!.id}/import`)[0]!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.body).toContain('filename="march.csv"');
  });

  it('tells the town plainly why it cannot approve yet, resolves an objection, then approves once', async () => {
    const sheet = baseSheet(ledger);
    sheet.status = 'notice';
    sheet.noticeToken = 'Tok3n_abcdefghijklmnop';
    sheet.noticeStartsAt = new Date(Date.now() - 3 * 86400_000).toISOString();
    sheet.noticeEndsAt = new Date(Date.now() + 86400_000).toISOString();
    sheet.objections.push({
      id: 'ffffffff-0000-4000-8000-000000000001',
      lineId: sheet.lines[0]!.id,
      filedBy: 'x',
      filedRole: 'household',
      text: '我家那个月没搞卫生评比',
      status: 'open',
      resolution: null,
      resolvedBy: null,
      createdAt: new Date().toISOString(),
    });
    ledger.sheets.push(sheet);
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/points/sheets/${sheet.id}`, {
      as: 'dushu-admin',
    });
    expect(await screen.findByRole('heading', { name: '异议（1 条，未处理 1 条）' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '审批通过，积分到账' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText(/公示期还没结束（到 .*），结束后才能审批。/)).toBeInTheDocument();

    // The notice ends; the objection is still open.
    sheet.noticeEndsAt = new Date(Date.now() - 1000).toISOString();
    fireEvent.click(screen.getByRole('button', { name: '审批通过，积分到账' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText('还有 1 条异议没有处理，处理完才能审批。')).toBeInTheDocument();

    const objection = screen.getByRole('listitem', { name: /关于 马东升 · 环境卫生达标 ×1 的异议/ });
    expect(within(objection).getByText('农户（自助机） 于', { exact: false })).toBeInTheDocument();
    fireEvent.click(within(objection).getByRole('button', { name: '处理异议' }));
    const form = within(objection).getByRole('form', { name: '处理异议' });
    fireEvent.change(within(form).getByLabelText('处理结果'), { target: { value: 'upheld' } });
    fireEvent.change(within(form).getByLabelText(/改正后的次数/), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存处理结果' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('请写明处理理由');
    fireEvent.change(within(form).getByLabelText('处理理由'), { target: { value: '经核实当月未参加评比' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存处理结果' }));
    expect(await screen.findByRole('heading', { name: '异议（1 条，未处理 0 条）' })).toBeInTheDocument();
    const resolve = ledger.calls(
      `/api/ledger/award-sheets/${sheet.id}/objections/ffffffff-0000-4000-8000-000000000001/resolve`,
    )[0]!;
    expect(JSON.parse(resolve.body)).toEqual({
      outcome: 'upheld',
      newCount: 0,
      reason: '经核实当月未参加评比',
    });

    fireEvent.click(screen.getByRole('button', { name: '审批通过，积分到账' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText(/已于 .* 审批，积分已到账/)).toBeInTheDocument();
    const approvals = ledger.calls(`/api/ledger/award-sheets/${sheet.id}/approve`);
    expect(approvals).toHaveLength(3);
    // The refused attempts changed nothing, so the same key is sent until the sheet is approved.
    expect(new Set(approvals.map((a) => a.headers['idempotency-key'])).size).toBe(1);
    expect(screen.queryByRole('button', { name: '审批通过，积分到账' })).not.toBeInTheDocument();
  });
});

function baseSheet(ledger: FakeLedger) {
  const rules = ledger.ruleSets[0]!;
  return {
    id: 'bbbbbbbb-5555-4000-8000-000000000001',
    villageCode: '411322104201',
    period: '2031-04',
    ruleSetId: rules.id,
    ruleSetVersion: 1,
    status: 'draft' as 'draft' | 'notice' | 'approved',
    noticeToken: null as string | null,
    noticeStartsAt: null as string | null,
    noticeEndsAt: null as string | null,
    approvedBy: null,
    approvedAt: null,
    entryId: null,
    totalPoints: 7,
    householdCount: 1,
    lines: [
      {
        id: 'cccccccc-5555-4000-8000-000000000001',
        householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
        householdNumber: '4113221042010001',
        headName: '马东升',
        itemCode: 'HYG',
        itemName: '环境卫生达标',
        count: 1,
        points: 5,
        note: null,
      },
    ],
    objections: [] as import('@fupin/contracts').ObjectionView[],
  };
}
