import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { chinaDay, expiryRun, startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

const POLICY = '/api/ledger/counties/411322/expiry-policy';
const RUNS = '/api/ledger/counties/411322/expiry-runs';

describe('points expiry (积分过期)', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;
  const open = (as: string) =>
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/expiry', { as });
  const countyAdminId = () => registry.users.find((u) => u.username === 'fc-admin')!.id;
  const policyDetails = () =>
    screen.getByRole('heading', { name: '过期规则' }).parentElement!.querySelector('dl')!;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
    ledger.expiry.policy = {
      countyCode: '411322',
      enabled: true,
      months: 24,
      effectiveFrom: '2026-01-01',
      version: 1,
      updatedBy: countyAdminId(),
      updatedAt: '2025-12-20T02:00:00.000Z',
    };
    ledger.expiry.runs.push(
      expiryRun(2, '2026-11-30', { householdCount: 3, totalPoints: 1280 }),
      expiryRun(1, '2026-11-29', {
        triggeredBy: countyAdminId(),
        entryId: null,
        householdCount: 0,
        totalPoints: 0,
      }),
    );
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('shows the county administrator the policy, what it does, and the runs, from the points menu', async () => {
    open('fc-admin');
    const nav = await screen.findByRole('navigation', { name: '主菜单' });
    expect(within(nav).getByRole('link', { name: '积分过期' })).toHaveAttribute('href', '/points/expiry');
    expect(await screen.findByText('按现行规则：积分发放满 24 个月后过期。')).toBeInTheDocument();
    expect(screen.getByText(/先发的积分先过期（先进先出）/)).toBeInTheDocument();
    await waitFor(() => expect(policyDetails()).toHaveTextContent('已启用'));
    const details = policyDetails();
    expect(details).toHaveTextContent('24 个月');
    expect(details).toHaveTextContent('2026-01-01');
    expect(details).toHaveTextContent('第 1 版');

    const table = await screen.findByRole('table', { name: '过期记录（共 2 次，最近的在前）' });
    const scheduled = within(table).getByRole('row', { name: /2026-11-30/ });
    expect(scheduled).toHaveTextContent('3 户');
    expect(scheduled).toHaveTextContent('1,280 分');
    expect(scheduled).toHaveTextContent('每日自动执行');
    expect(scheduled).toHaveTextContent('2024-11-30 前发放的');
    const byHand = within(table).getByRole('row', { name: /2026-11-29/ });
    expect(byHand).toHaveTextContent('没有到期积分');
    expect(byHand).toHaveTextContent('手动 · 本人');
    expect(screen.getByRole('button', { name: '保存过期规则' })).toBeInTheDocument();
  });

  it('asks before shortening, sends the new policy and shows it saved', async () => {
    open('fc-admin');
    const form = await screen.findByRole('form', { name: '修改过期规则' });
    fireEvent.change(within(form).getByLabelText('有效期（月）'), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存过期规则' }));

    const confirm = within(form).getByRole('group', { name: '请确认' });
    expect(confirm).toHaveTextContent('有效期从 24 个月缩短为 12 个月');
    expect(ledger.calls(POLICY, 'PUT')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: '确定保存' }));

    expect(await screen.findByText('已保存过期规则（第 2 版）。')).toBeInTheDocument();
    expect(JSON.parse(ledger.calls(POLICY, 'PUT')[0]!.body)).toEqual({
      enabled: true,
      months: 12,
      effectiveFrom: '2026-01-01',
    });
    await waitFor(() => expect(policyDetails()).toHaveTextContent('12 个月'));
    expect(policyDetails()).toHaveTextContent('第 2 版');

    // Lengthening makes no point lapse sooner: saved without asking again.
    const again = await screen.findByRole('form', { name: '修改过期规则' });
    fireEvent.change(within(again).getByLabelText('有效期（月）'), { target: { value: '36' } });
    fireEvent.click(within(again).getByRole('button', { name: '保存过期规则' }));
    expect(await screen.findByText('已保存过期规则（第 3 版）。')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '请确认' })).not.toBeInTheDocument();
    expect(JSON.parse(ledger.calls(POLICY, 'PUT')[1]!.body)).toMatchObject({ months: 36 });
  });

  it('shows the ledger’s own words when it refuses a change, and keeps the policy on screen as it was', async () => {
    ledger.refuseNext(
      POLICY,
      422,
      'VALIDATION_FAILED',
      '生效日期不能是 1900 年 / The start date cannot be in 1900',
    );
    open('fc-admin');
    const form = await screen.findByRole('form', { name: '修改过期规则' });
    fireEvent.click(within(form).getByLabelText('启用积分过期'));
    fireEvent.click(within(form).getByRole('button', { name: '保存过期规则' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('生效日期不能是 1900 年');
    expect(screen.queryByText(/The start date/)).not.toBeInTheDocument();
    expect(JSON.parse(ledger.calls(POLICY, 'PUT')[0]!.body)).toEqual({
      enabled: false,
      months: 24,
      effectiveFrom: '2026-01-01',
    });
    const details = policyDetails();
    expect(details).toHaveTextContent('已启用');
    expect(details).toHaveTextContent('24 个月');
    expect(details).toHaveTextContent('第 1 版');
    expect(screen.queryByText(/已保存过期规则/)).not.toBeInTheDocument();
    expect(ledger.expiry.policy!.version).toBe(1);
  });

  it('lets a town administrator read the policy and the runs but change and run nothing', async () => {
    open('dushu-admin');
    expect(await screen.findByText('只有县级管理员可以修改过期规则。')).toBeInTheDocument();
    expect(policyDetails()).toHaveTextContent('24 个月');
    const table = await screen.findByRole('table', { name: '过期记录（共 2 次，最近的在前）' });
    expect(within(table).getByRole('row', { name: /2026-11-30/ })).toHaveTextContent('1,280 分');
    expect(within(table).getByRole('row', { name: /2026-11-29/ })).toHaveTextContent('手动 · 工作人员');
    expect(screen.queryByText(/过期记录只有/)).not.toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存过期规则' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '立即执行过期' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('asks the ledger for the runs a page at a time and pages through them', async () => {
    ledger.expiry.runs.length = 0;
    for (let day = 25; day >= 1; day -= 1)
      ledger.expiry.runs.push(expiryRun(day, `2026-10-${String(day).padStart(2, '0')}`));
    open('fc-auditor');
    const table = await screen.findByRole('table', { name: '过期记录（共 25 次，最近的在前）' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20);
    expect(within(table).getByRole('row', { name: /2026-10-25/ })).toBeInTheDocument();
    expect(within(table).queryByRole('row', { name: /2026-10-05/ })).not.toBeInTheDocument();
    expect(new URL(ledger.calls(RUNS, 'GET')[0]!.url, 'http://x').search).toBe('?page=1&pageSize=20');

    const pager = screen.getByRole('navigation', { name: '翻页' });
    expect(pager).toHaveTextContent('第 1 页，共 2 页（25 条）');
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getByRole('row', { name: /2026-10-05/ })).toBeInTheDocument(),
    );
    const second = screen.getByRole('table', { name: '过期记录（共 25 次，最近的在前）' });
    expect(within(second).getAllByRole('row')).toHaveLength(1 + 5);
    expect(within(second).getByRole('row', { name: /2026-10-01/ })).toBeInTheDocument();
    expect(within(second).queryByRole('row', { name: /2026-10-25/ })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '翻页' })).toHaveTextContent('第 2 页，共 2 页（25 条）');
    expect(new URL(ledger.calls(RUNS, 'GET').at(-1)!.url, 'http://x').search).toBe('?page=2&pageSize=20');
  });

  it('lets the auditor see the runs but neither change the policy nor run it', async () => {
    open('fc-auditor');
    const table = await screen.findByRole('table', { name: '过期记录（共 2 次，最近的在前）' });
    expect(within(table).getByRole('row', { name: /2026-11-29/ })).toHaveTextContent('手动 · 工作人员');
    expect(screen.getByText('只有县级管理员可以修改过期规则。')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '立即执行过期' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('speaks English when asked', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/points/expiry', {
      as: 'fc-auditor',
      language: 'en',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Points expiry' })).toBeInTheDocument();
    expect(
      await screen.findByText('Under the current policy, points expire 24 months after they were awarded.'),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Expiry runs (2 in all, latest first)' });
    expect(within(table).getByRole('row', { name: /2026-11-30/ })).toHaveTextContent('Daily schedule');
  });

  it('says so when the county has no policy and no runs, and asks before turning expiry on', async () => {
    ledger.expiry.policy = null;
    ledger.expiry.runs.length = 0;
    open('fc-admin');
    expect(
      await screen.findByText('本县还没有设置积分过期规则，农户的积分目前不会过期。'),
    ).toBeInTheDocument();
    // The ledger said "none" with 200 and a null body; nothing on the page reads as a failure.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重试/ })).not.toBeInTheDocument();
    expect(await screen.findByText('还没有执行过积分过期')).toBeInTheDocument();
    expect(screen.getByText('启用过期规则后才能执行。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '立即执行过期' })).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: '设置过期规则' });
    fireEvent.click(within(form).getByLabelText('启用积分过期'));
    fireEvent.change(within(form).getByLabelText('生效日期'), { target: { value: '2027-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存过期规则' }));
    const confirm = within(form).getByRole('group', { name: '请确认' });
    expect(confirm).toHaveTextContent('启用后，从 2027-01-01 起，积分发放满 24 个月就会过期，先发的先过期。');
    fireEvent.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(ledger.calls(POLICY, 'PUT')).toHaveLength(0);
    expect(screen.getByText('本县还没有设置积分过期规则，农户的积分目前不会过期。')).toBeInTheDocument();
  });

  it('runs expiry by hand after a confirmation and shows the result and the new run', async () => {
    ledger.expiry.due = { householdCount: 7, totalPoints: 215 };
    open('fc-admin');
    await screen.findByRole('table', { name: '过期记录（共 2 次，最近的在前）' });
    fireEvent.click(screen.getByRole('button', { name: '立即执行过期' }));
    expect(screen.getByText(/将按现行规则（24 个月）让 今天 已满期的积分过期/)).toBeInTheDocument();
    expect(ledger.calls(RUNS, 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '确定执行' }));

    const today = chinaDay(new Date());
    expect(await screen.findByText(`已执行 ${today} 的积分过期：7 户，共 215 分过期。`)).toBeInTheDocument();
    const [sent] = ledger.calls(RUNS, 'POST');
    expect(JSON.parse(sent!.body)).toEqual({});
    expect(sent!.headers['idempotency-key']).toMatch(/.{16,}/);
    const table = await screen.findByRole('table', { name: '过期记录（共 3 次，最近的在前）' });
    expect(within(table).getByRole('row', { name: new RegExp(today) })).toHaveTextContent('手动 · 本人');

    // A day already run answers the first run (once a day).
    fireEvent.change(screen.getByLabelText('执行哪一天'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: '立即执行过期' }));
    fireEvent.click(screen.getByRole('button', { name: '确定执行' }));
    expect(
      await screen.findByText('2026-11-30 已经执行过（每天只执行一次），结果：3 户，共 1,280 分过期。'),
    ).toBeInTheDocument();
    const calls = ledger.calls(RUNS, 'POST');
    expect(JSON.parse(calls[1]!.body)).toEqual({ runDate: '2026-11-30' });
    expect(calls[1]!.headers['idempotency-key']).not.toBe(sent!.headers['idempotency-key']);
  });
});
