import { launchBrowser, openPage, saveScreenshot } from '@fupin/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { settled, sidewaysOverflow, signIn } from './admin-pages';
import { columnSum, downloadedCsv, fenOf } from './dividends-files';

// The demo seed gives 独树镇光伏扶贫电站 members and a year of public-welfare attendance. A notice
// lasts at least 10 real days (the service's clock and a database check), so this test stops at
// the notice: approval, posting and the bank file are covered by component specs.
const STATION = '独树镇光伏扶贫电站';
const POOL = '48231.57';
const POOL_FEN = 4_823_157;
const TITLE = '独树镇光伏电站2020年下半年收益分配';

async function tab(page: Page, name: string) {
  await page.getByRole('navigation', { name: '分红主体的页面' }).getByRole('link', { name }).click();
}

describe('a PV distribution from the income declaration to the bank file', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('declares the income, builds the PV plan, dry-runs it to the fen, exports it and puts it on notice with an objection answered', async () => {
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'fc-admin');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '分红主体' }).click();
    await page.getByRole('link', { name: STATION }).click();
    await page.getByRole('table', { name: /^成员户（\d+ 户）$/ }).waitFor();

    // 收益申报: 48,231.57 yuan of grid settlement for the second half of 2020.
    await tab(page, '收益申报');
    const form = page.getByRole('form', { name: '申报收益' });
    await form.getByLabel(/^金额（元）/).fill(POOL);
    await form.getByLabel(/^期初/).fill('2020-07-01');
    await form.getByLabel(/^期末/).fill('2020-12-31');
    await form.getByLabel(/^凭证说明/).fill('国网上网电费结算单（2020 年下半年）');
    await form.getByLabel(/^凭证编号/).fill('国网方城供电 2020-12-结-104');
    await form.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('已申报 ¥48,231.57').waitFor();

    // 分配方案: the PV differentiated plan, wages by days worked 70 / no-labour households 20 / village 10.
    await tab(page, '分配方案');
    await page.getByRole('link', { name: '光伏差异化分配方案', exact: true }).click();
    await page.getByLabel(/^方案名称/).fill('独树镇光伏2020年下半年分配方案');
    await page.getByRole('region', { name: '部分：公益岗位工资' }).getByLabel(/^比例/).waitFor();
    await saveScreenshot(page, 'dividends-1280x800-plan-builder');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('当前为第 1 版；保存会生成新版本。').waitFor();
    await page.getByRole('link', { name: '用此方案试算分配' }).click();

    // 试算: this declaration only (the demo's first half-year stays undistributed).
    await page.getByLabel(/¥48,231\.57/).check();
    await page.getByText(/分配总额 ¥48,231\.57，期间 2020-07-01 至 2020-12-31/).waitFor();
    await page.getByLabel(/^标题/).fill(TITLE);
    await page.getByRole('button', { name: '试算' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(/与分配总额一致（精确到分）/).waitFor();
    const householdPart = fenOf(await page.getByTestId('household-total').innerText());
    expect(householdPart).toBeGreaterThan(0);
    expect(householdPart).toBeLessThan(POOL_FEN);
    await page.getByRole('table', { name: /^分配明细（\d+ 户）$/ }).waitFor();
    await saveScreenshot(page, 'dividends-1280x800-dry-run');

    // Every household's amount, exported: households plus the kept accounts are the pool, to the fen.
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出明细（CSV）' }).click(),
    ]);
    const lines = await downloadedCsv(exported);
    const isHousehold = (row: string[]) => /^\d+$/.test(row[0] ?? '');
    expect(columnSum(lines, '金额（元）', isHousehold)).toBe(householdPart);
    expect(columnSum(lines, '金额（元）', (row) => row[1] !== '分配总额')).toBe(POOL_FEN);

    // 公示 for 10 days: objections are recorded and answered, approval waits for the notice to end.
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('公示截止').waitFor();
    const objection = page.getByRole('form', { name: '登记异议' });
    await objection.getByLabel(/^提出人/).fill('扳倒井村 王秀兰');
    await objection.getByLabel(/^异议内容/).fill('九月份公益岗位出勤少记了两天');
    await objection.getByRole('button', { name: '登记异议' }).click();
    await page.getByRole('heading', { name: '异议（1 条）' }).waitFor();
    await page.getByLabel(/^处理意见/).fill('已核对考勤表，九月出勤记录无误，已当面答复');
    await page.getByRole('button', { name: '记为已处理' }).click();
    await page.getByText(/^已处理：已核对考勤表/).waitFor();
    const approval = page.getByRole('form', { name: '审批（四议两公开）' });
    await approval.getByText('公示期满后才能审批。').waitFor();
    expect(await approval.getByRole('button', { name: '审批通过' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'dividends-1280x800-notice');
    expect(errors).toEqual([]);
    // The stack is slow on a shared machine.
  }, 240_000);

  it('shows the cooperative’s accountant only its own entity, with the demo members, on a phone', async () => {
    const { page, errors } = await openPage(browser, 'phone');
    await signIn(page, 'guangrong-acct');
    await page.goto(`${new URL(page.url()).origin}/dividends/entities`);
    await page.getByRole('table', { name: '分红主体（1 个）' }).waitFor();
    await page.getByRole('link', { name: '方城县光荣种植专业合作社' }).click();
    await page.getByRole('table', { name: /^成员户（\d+ 户）$/ }).waitFor();
    await page
      .getByText(/优先股（贫困户） 20 股/)
      .first()
      .waitFor();
    await settled(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await saveScreenshot(page, 'dividends-390x844-members');
    expect(errors).toEqual([]);
  });
});
