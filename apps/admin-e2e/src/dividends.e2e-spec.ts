import { launchBrowser, openPage, saveScreenshot } from '@fupin/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { settled, sidewaysOverflow, signIn } from './admin-pages';
import { columnSum, csvText, downloadedCsv, fenOf } from './dividends-files';

// The demo seed gives 独树镇光伏扶贫电站 members and a year of public-welfare attendance. A notice
// lasts at least 10 days; the admin e2e stack makes a notice day 6 s (DIVIDENDS_NOTICE_DAY_SECONDS
// in jest.config.cjs), so the test waits about a minute for the notice to end, then approves,
// posts and pays.
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

  it('declares the income, dry-runs the PV plan to the fen, holds the notice, approves, posts and pays through the bank file', async () => {
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

    // 四议两公开: the town's poverty officer records the village meeting once the notice is over
    // (the county office could too; the station's accountant could not).
    const distributionUrl = page.url();
    const town = await openPage(browser, 'desktop');
    await signIn(town.page, 'dushu-admin');
    await town.page.goto(distributionUrl);
    await town.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const townApproval = town.page.getByRole('form', { name: '审批（四议两公开）' });
    await townApproval.getByText('公示期满后才能审批。').waitFor();
    // The page opens the form by itself when the notice ends (10 notice days of 6 s each).
    await town.page.getByText('公示期已满').waitFor({ timeout: 150_000 });
    await townApproval.getByText('公示期满后才能审批。').waitFor({ state: 'detached' });
    // the meeting is dated by China's calendar (UTC+8), as the service checks it
    await townApproval
      .getByLabel(/^会议日期/)
      .fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await townApproval.getByLabel(/^到会人数/).fill('46');
    await townApproval.getByLabel(/^会议记录编号/).fill('独树镇〔2021〕1 号村民代表会议纪要');
    await townApproval.getByRole('button', { name: '审批通过' }).click();
    // Approved: the meeting record is shown with the notice, and posting is the next step.
    await town.page.getByRole('heading', { level: 2, name: '入账并生成代发批次' }).waitFor();
    await town.page.getByText('独树镇〔2021〕1 号村民代表会议纪要').waitFor();
    await town.page
      .getByText(/已审批$/)
      .first()
      .waitFor();
    expect(town.errors).toEqual([]);
    await town.page.context().close();

    // 入账: the county office posts; the first payout batch is made with it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: '入账并生成代发批次' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    const batch = page.getByRole('article', { name: '第 1 批' });
    await batch.waitFor({ timeout: 120_000 });
    const batchLine = /^(\d+) 笔，共 (¥[\d,]+\.\d{2})，/.exec(
      await batch.getByText(/^\d+ 笔，共 /).innerText(),
    );
    expect(batchLine).not.toBeNull();
    const lineCount = Number(batchLine![1]);
    expect(fenOf(batchLine![2]!)).toBe(householdPart);
    await page.getByRole('table', { name: `逐户发放（${lineCount} 笔）` }).waitFor();

    // The bank file: one line per household with money, and they add up to the households' part.
    const [bankFile] = await Promise.all([
      page.waitForEvent('download'),
      batch.getByRole('button', { name: '下载银行代发文件（CSV）' }).click(),
    ]);
    const bankLines = await downloadedCsv(bankFile);
    expect(bankLines[0]).toEqual([
      '序号',
      '付款编号',
      '户编号',
      '户主姓名',
      '开户行',
      '账号（脱敏）',
      '金额（元）',
      '金额大写',
    ]);
    expect(bankLines).toHaveLength(lineCount + 1);
    expect(columnSum(bankLines, '金额（元）')).toBe(householdPart);
    await saveScreenshot(page, 'dividends-1280x800-payouts');

    // The bank answers: every payout paid, entered from the page's own template.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      batch.getByRole('button', { name: '下载回执模板' }).click(),
    ]);
    const [head = [], ...rows] = await downloadedCsv(template);
    expect(rows).toHaveLength(lineCount);
    const result = head.indexOf('结果');
    const reference = head.indexOf('银行流水号');
    const answered = rows.map((row, i) =>
      row.map((cell, at) =>
        at === result ? '成功' : at === reference ? `NYBANK2021${String(i + 1).padStart(6, '0')}` : cell,
      ),
    );
    await batch.getByLabel('导入银行回执').setInputFiles({
      name: '银行回执.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvText([head, ...answered]), 'utf8'),
    });
    await batch.getByText(`回执已导入：更新 ${lineCount} 笔，0 笔原已记录`).waitFor();
    await batch.getByText(new RegExp(`已到账 ${lineCount} 笔，失败 0 笔`)).waitFor();
    expect(errors).toEqual([]);
    // The notice takes a minute, and the stack is slow on a shared machine.
  }, 480_000);

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
