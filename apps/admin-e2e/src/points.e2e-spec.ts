import { launchBrowser, openPage, saveScreenshot } from '@fupin/e2e-support';
import type { Browser } from 'playwright-core';
import { settled, signIn } from './admin-pages';
import { figure, noticeEndsAt, openAdmin } from './points-pages';

// Love-supermarket points (爱心积分) on the demo county, for a month no demo data uses (2035-07):
// the village committee publishes a standard and drafts a sheet, the public notice opens without a
// login, an objection is filed and upheld, and after the (60 s, see jest.config.cjs) notice the
// town approves; the household's balance then holds the points.

const PERIOD = '2035-07';
const ITEM = 'E2E 清洁庭院';
const BASE = 2;
const ITEM_POINTS = 3;

describe('love-supermarket points in the browser, with the demo county', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('a sheet goes from the village’s draft through public notice and an objection to the town’s approval', async () => {
    const { page: village, errors } = await openPage(browser, 'desktop');
    await signIn(village, 'yanshanpu-admin');
    await village.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '积分标准' }).click();
    await village.getByRole('heading', { level: 1, name: '积分标准' }).waitFor();

    // A new version of the standard (the form starts from any version in force) effective for the month.
    await village.getByRole('link', { name: '发布新版本' }).click();
    const rules = village.getByRole('form', { name: '发布新版本积分标准' });
    await rules.waitFor();
    await rules.getByLabel(/^生效日期/).fill(`${PERIOD}-01`);
    await rules.getByLabel(/^每月基础分/).fill(String(BASE));
    const firstCode = rules.getByRole('listitem').first().getByLabel('条目代码');
    if ((await firstCode.inputValue()) !== '') await rules.getByRole('button', { name: '再加一条' }).click();
    const row = rules.getByRole('listitem').last();
    await row.getByLabel('条目代码').fill('E2E_YARD');
    await row.getByLabel('条目名称').fill(ITEM);
    await row.getByLabel(/^分值/).fill(String(ITEM_POINTS));
    await row.getByLabel(/^每月上限/).fill('4');
    await rules.getByRole('button', { name: '发布' }).click();
    await village.getByText(/^已发布第 \d+ 版积分标准$/).waitFor();
    expect(await village.getByRole('table', { name: /^条目/ }).innerText()).toContain(ITEM);

    // A draft for the month with two households of the village.
    await village.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '月度评分' }).click();
    const draft = village.getByRole('form', { name: '新建评分表' });
    await draft.getByLabel(/^月份/).fill(PERIOD);
    await draft.getByRole('button', { name: '新建评分表' }).click();
    await village.getByRole('heading', { level: 1, name: `${PERIOD} 月度评分表` }).waitFor();
    const sheetPath = new URL(village.url()).pathname;
    const add = village.getByRole('form', { name: '添加一条评分' });
    const household = add.getByLabel('农户', { exact: true });
    await household.locator('option').nth(2).waitFor({ state: 'attached' });
    const names: string[] = [];
    for (const [index, count] of [
      [1, '1'],
      [2, '2'],
    ] as const) {
      names.push((await household.locator('option').nth(index).innerText()).split(' · ')[0]!);
      await household.selectOption({ index });
      await add.getByLabel('条目', { exact: true }).selectOption({ label: `${ITEM}（+${ITEM_POINTS}）` });
      await add.getByLabel('次数', { exact: true }).fill(count);
      await add.getByRole('button', { name: '加入明细' }).click();
    }
    await village.getByRole('table', { name: /^评分明细（2 条/ }).waitFor();
    await village.getByRole('button', { name: '保存明细' }).click();
    await village.getByText('已保存 2 条明细').waitFor();
    await saveScreenshot(village, 'admin-points-sheet-draft');

    await village.getByRole('button', { name: '提交公示' }).click();
    await village.getByRole('button', { name: '确定' }).click();
    await village.getByText(/^正在公示，到 .+ 结束$/).waitFor();
    const noticeLink = village.getByRole('link', { name: '打开公示页（可打印张贴）' });
    const noticeHref = (await noticeLink.getAttribute('href'))!;
    const token = noticeHref.split('/').pop()!;
    const firstHousehold = village
      .getByRole('table', { name: /^评分明细/ })
      .getByRole('link', { name: new RegExp(`^${names[0]} · `) });
    const householdId = (await firstHousehold.getAttribute('href'))!.split('/')[2]!;

    // A villager's objection, recorded by the committee at once (objections close with the notice).
    const objection = village.getByRole('form', { name: '登记异议' });
    await objection.getByLabel('针对哪一条').selectOption({ label: `${names[0]} · ${ITEM} ×1` });
    await objection.getByLabel('异议内容').fill('本户当月打扫了两次庭院，只记了一次');
    await objection.getByRole('button', { name: '登记异议' }).click();
    await village.getByRole('heading', { name: '异议（1 条，未处理 1 条）' }).waitFor();

    // The public notice: no login, names masked, a QR code of its own address, printable.
    const { page: villager, errors: publicErrors } = await openPage(browser, 'phone');
    await openAdmin(villager, noticeHref);
    await villager.getByRole('heading', { level: 1, name: `${PERIOD} 爱心积分评定公示` }).waitFor();
    const board = await villager.getByRole('table', { name: '评分明细' }).innerText();
    expect(board).toContain(ITEM);
    for (const name of names) {
      expect(board).not.toContain(name);
      expect(board).toContain(`${name[0]}*`);
    }
    const qr = villager.getByRole('img', { name: '本公示页的二维码' });
    expect(await qr.getAttribute('data-value')).toBe(villager.url());
    await villager.getByRole('heading', { name: '如有异议' }).waitFor();
    await villager.getByText('目前有 1 条异议待处理。').waitFor();
    await saveScreenshot(villager, 'admin-points-public-notice-390');
    await villager.emulateMedia({ media: 'print' });
    expect(await villager.locator('.fp-header').isVisible()).toBe(false);
    expect(await qr.isVisible()).toBe(true);
    expect(publicErrors).toEqual([]);

    // The objection is upheld: the first household scored twice.
    const balanceBefore = await (async () => {
      await openAdmin(village, `/households/${householdId}/points`);
      await village.getByRole('heading', { level: 1, name: `${names[0]} 的积分账户` }).waitFor();
      await settled(village);
      return figure(village, '可用积分');
    })();
    expect(await figure(village, '公示中积分')).toBeGreaterThanOrEqual(ITEM_POINTS);
    await openAdmin(village, sheetPath);
    await village.getByRole('button', { name: '处理异议' }).click();
    const resolve = village.getByRole('form', { name: '处理异议' });
    await resolve.getByLabel('处理结果').selectOption('upheld');
    await resolve.getByLabel(/^改正后的次数/).fill('2');
    await resolve.getByLabel('处理理由').fill('经核实确为两次');
    await resolve.getByRole('button', { name: '保存处理结果' }).click();
    await village.getByRole('heading', { name: '异议（1 条，未处理 0 条）' }).waitFor();
    expect(errors).toEqual([]);

    // The town administrator approves once the notice is over (refused plainly before that).
    const { page: town, errors: townErrors } = await openPage(browser, 'desktop');
    await signIn(town, 'dushu-admin', sheetPath);
    await town.getByRole('heading', { level: 1, name: `${PERIOD} 月度评分表` }).waitFor();
    const ends = await noticeEndsAt(town, token);
    if (Date.now() < ends - 5000) {
      await town.getByRole('button', { name: '审批通过，积分到账' }).click();
      await town.getByRole('button', { name: '确定' }).click();
      await town.getByText(/^公示期还没结束（到 .+），结束后才能审批。$/).waitFor();
    }
    // The ledger's own clock ends the notice: wait for that moment, not for a guess.
    await town.waitForTimeout(Math.max(0, ends - Date.now() + 1500));
    await town.getByRole('button', { name: '审批通过，积分到账' }).click();
    await town.getByRole('button', { name: '确定' }).click();
    await town.getByText(/^已于 .+ 审批，积分已到账$/).waitFor();
    await saveScreenshot(town, 'admin-points-sheet-approved');

    await openAdmin(town, `/households/${householdId}/points`);
    await town.getByRole('heading', { level: 1, name: `${names[0]} 的积分账户` }).waitFor();
    await settled(town);
    expect(await figure(town, '可用积分')).toBe(balanceBefore + BASE + 2 * ITEM_POINTS);
    await town
      .getByRole('table', { name: '积分明细' })
      .getByText(`+${BASE + 2 * ITEM_POINTS}`)
      .first()
      .waitFor();
    // The one refusal above (409 NOTICE_NOT_OVER, shown as words) is the browser's only complaint.
    expect(townErrors.filter((error) => !/409 \(Conflict\).*\/approve\)$/.test(error))).toEqual([]);
    // The notice window itself lasts 60 s, and a loaded machine runs the rest slowly.
  }, 300_000);
  it('the county sets points expiry in plain words and runs it by hand against the real ledger', async () => {
    const { page, errors } = await openPage(browser, 'kiosk');
    await signIn(page, 'fc-admin', '/points/expiry');
    await page.getByRole('heading', { level: 1, name: '积分过期' }).waitFor();
    await page.getByText('先发的积分先过期', { exact: false }).first().waitFor();
    // The demo county has no policy: the ledger answers 200 with null, and the page says so.
    await page.getByText('本县还没有设置积分过期规则，农户的积分目前不会过期。').waitFor();
    // Ten years from today: nothing any other test awards can lapse.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await page.getByLabel('启用积分过期').check();
    await page.getByLabel(/有效期（月）/).fill('120');
    await page.getByLabel(/^生效日期/).fill(today);
    await page.getByRole('button', { name: '保存过期规则' }).click();
    await page.getByRole('group', { name: '请确认' }).getByText(/启用后，从 .* 起，积分发放满 120 个月就会过期/).waitFor();
    await page.getByRole('button', { name: '确定保存' }).click();
    await page.getByText(/已保存过期规则（第 \d+ 版）/).waitFor();
    await page.getByText(/^✓?\s*已启用$/).first().waitFor();

    await page.getByRole('button', { name: '立即执行过期' }).click();
    await page.getByRole('button', { name: '确定执行' }).click();
    await page.getByText(/已执行 .* 的积分过期|已经执行过/).first().waitFor();
    const runs = page.getByRole('table', { name: /过期记录/ });
    await runs.locator('tbody tr').first().waitFor();
    expect(await runs.locator('tbody tr').first().innerText()).toContain('没有到期积分');
    await saveScreenshot(page, 'admin-1024x768-points-expiry');
    // "No policy yet" is a 200 answer, so the browser logs no failed request at all.
    expect(errors).toEqual([]);
  });
});
