import { demoLogin, launchBrowser, openPage, saveScreenshot, stackDemo, stackUrls } from '@fupin/e2e-support';
import type { Browser } from 'playwright-core';
import { sidewaysOverflow } from './admin-pages';

/** Calls the platform's APIs as a demo user (the accountant publishing a notice, as the admin app would). */
async function apiAs(username: string) {
  const urls = stackUrls();
  const login = await fetch(`${urls.registry}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: demoLogin(username).password }),
  });
  if (!login.ok) throw new Error(`sign in as ${username}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${urls.dividends}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

interface Entity {
  id: string;
  name: string;
  type: string;
}

/**
 * The demo cooperative's accountant runs a year of its own (not the demo's 2020, so no other
 * spec's distribution shares its income) and publishes the notice; returns the notice id and the
 * full head names it covers.
 */
async function publishNotice(year: number): Promise<{ noticeId: string; headNames: string[] }> {
  const call = await apiAs('guangrong-acct');
  const entity = (await call<Entity[]>('GET', '/entities')).find((e) => e.type === 'cooperative');
  if (!entity) throw new Error('the demo cooperative has not reached the dividends service');
  const income = await call<{ id: string }>('POST', `/entities/${entity.id}/income-declarations`, {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    source: 'cooperative_profit',
    amountFen: 5_432_100,
    evidence: {
      description: `${year} 年度合作社盈余（补报）`,
      reference: `光荣社〔${year + 1}〕e2e-${Date.now()}`,
    },
  });
  const [plan] = await call<Array<{ id: string }>>('GET', `/entities/${entity.id}/plans`);
  if (!plan) throw new Error('the demo cooperative has no plan');
  const run = await call<{ id: string }>('POST', `/entities/${entity.id}/distributions`, {
    title: `方城县光荣种植专业合作社 ${year} 年度分红`,
    planId: plan.id,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    incomeDeclarationIds: [income.id],
  });
  // The longest notice there is: the e2e stack shortens a notice day (DIVIDENDS_NOTICE_DAY_SECONDS),
  // and the objection below must arrive while the notice still runs.
  const published = await call<{ notice: { id: string } }>('POST', `/distributions/${run.id}/notice`, {
    days: 60,
  });
  const lines = await call<{ items: Array<{ headName: string }> }>(
    'GET',
    `/distributions/${run.id}/lines?pageSize=200`,
  );
  return { noticeId: published.notice.id, headNames: lines.items.map((l) => l.headName) };
}

describe('the public dividend pages, without signing in', () => {
  let browser: Browser;
  let notice: { noticeId: string; headNames: string[] };

  beforeAll(async () => {
    browser = await launchBrowser();
    notice = await publishNotice(2019);
  });

  afterAll(() => browser?.close());

  it('opens a notice from the board and shows each household with the name masked', async () => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, 'desktop');
    await page.goto(`${admin}/public/dividends/notices`);
    await page.getByRole('heading', { level: 1, name: '分红公示栏' }).waitFor();
    await page.getByRole('link', { name: '方城县光荣种植专业合作社 2019 年度分红' }).click();
    await page.getByRole('heading', { level: 1, name: '方城县光荣种植专业合作社 2019 年度分红' }).waitFor();
    expect(page.url()).toContain(`/public/dividends/notices/${notice.noticeId}`);
    const table = page.getByRole('table', { name: '各户分红金额' });
    await table.locator('tbody tr').first().waitFor();
    const names = await table.locator('tbody tr th, tbody tr td:first-child').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.trim()).toMatch(/^\S\*+$/);
    const text = await page.locator('main').innerText();
    for (const full of notice.headNames) expect(text).not.toContain(full);
    await page.getByText('公示中，可提出异议').waitFor();
    await page.getByRole('img', { name: '扫码查看本公示' }).waitFor();
    await page.getByRole('button', { name: '提交异议' }).waitFor();
    expect(page.url()).not.toContain('/login');
    await saveScreenshot(page, 'admin-1280x800-public-notice');
    expect(errors).toEqual([]);
  });

  it('takes an objection from the notice page', async () => {
    const { admin } = stackUrls();
    // A notice of its own, published just now: the e2e stack's notice days are short.
    const fresh = await publishNotice(2021);
    const { page, errors } = await openPage(browser, 'phone');
    await page.goto(`${admin}/public/dividends/notices/${fresh.noticeId}`);
    await page.getByLabel(/您的姓名或户号/).fill('陈**（第一村民小组）');
    await page.getByLabel(/异议内容/).fill('我家 2019 年入股 20 股，名单里的金额偏少，请核实。');
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByText(/已收到您的异议（编号 [0-9a-f]{8}）/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'admin-390x844-public-notice-objection');
    expect(errors).toEqual([]);
  });

  it('lets a household look up its own dividends with its card and PIN, and says plainly when the PIN is wrong', async () => {
    const { admin } = stackUrls();
    const card = stackDemo().sampleCards[0];
    const { page, errors } = await openPage(browser, 'phone');
    await page.goto(`${admin}/public/dividends/mine`);
    await page.getByRole('heading', { level: 1, name: '我家的分红' }).waitFor();
    const wrongPin = card.pin === '000000' ? '111111' : '000000';
    await page.getByLabel(/积分卡卡号/).fill(card.cardNumber.toLowerCase());
    await page.getByLabel(/^密码/).fill(wrongPin);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(/卡号或 PIN 不正确/).waitFor();
    await page.getByLabel(/^密码/).fill(card.pin);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(new RegExp(`^${card.householdHead}户（`)).waitFor();
    await page.getByText(/分红发放记录/).first().waitFor();
    await page.getByRole('button', { name: '退出查询' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('暂时不能在网上用卡号查询');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'admin-390x844-public-my-dividends');
    // The wrong PIN's 401 is the browser's own console line; nothing else may fail.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('says the chain is intact', async () => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, 'desktop');
    await page.goto(`${admin}/public/dividends/chain`);
    await page.getByText('链完整', { exact: true }).waitFor();
    await page.getByText(/^共 \d+ 条记录，全部与当初公示的内容一致。$/).waitFor();
    await saveScreenshot(page, 'admin-1280x800-public-chain');
    expect(errors).toEqual([]);
  });
});
