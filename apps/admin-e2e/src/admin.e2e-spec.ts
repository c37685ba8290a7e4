import { launchBrowser, openPage, saveScreenshot, stackUrls, type ViewportName } from '@fupin/e2e-support';
import type { Browser } from 'playwright-core';
import { columnTexts, menuItems, settled, sidewaysOverflow, signIn } from './admin-pages';

// One file, run top to bottom: the demo county's totals (300 households) are checked before the
// import at the end adds to them.

const HEADER =
  '户编号,所属村,村民小组,户主姓名,联系电话,开户银行,银行账号,积分卡号,贫困状态,户类别,姓名,与户主关系,身份证号,出生年份,劳动能力,残疾情况';
const good = (number: string) =>
  `${number},独树镇砚山铺村,第一村民小组,王建国,13837712345,,,,已脱贫,放心户,王建国,户主,,1968,有劳动能力,`;
const bad = (number: string) => `${number},砚山铺村,,张三,,,,,脱贫了,,张三,户主,,1970,有劳动能力,`;

function csv(...rows: string[]) {
  return {
    name: 'households.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${HEADER}\n${rows.join('\n')}\n`),
  };
}

// The registry's own menu entries; the points, produce and dividends entries are checked by their own specs.
const REGISTRY_MENU = ['工作台', '行政区划', '农户', '机构', '用户与角色', '审计日志', '修改密码'];
const registryPart = (items: string[]) => items.filter((item) => REGISTRY_MENU.includes(item));

describe('a county administrator in the browser, with the demo county', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('sees 2 towns, 6 villages and 300 households, opens one and changes its status with a reason', async () => {
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'fc-admin');
    expect(registryPart(await menuItems(page))).toEqual([
      '工作台',
      '行政区划',
      '农户',
      '机构',
      '用户与角色',
      '审计日志',
      '修改密码',
    ]);
    await page.getByText('全部正常').waitFor();
    await saveScreenshot(page, 'admin-1280x800-dashboard');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '行政区划' }).click();
    const county = page.locator('.admin-tree__row').first();
    await county.getByText('农户 300 户').waitFor();
    expect(await county.textContent()).toContain('下级 2 个');
    for (const town of ['独树镇', '拐河镇']) await page.getByRole('button', { name: `展开 ${town}` }).click();
    await page.getByRole('button', { name: '展开 砚山铺村' }).waitFor();
    await page.getByRole('button', { name: '展开 孤石滩村' }).waitFor();
    const villages = await page.locator('.admin-tree__row').filter({ hasText: '行政村' }).count();
    expect(villages).toBe(6);
    await page.locator('.admin-tree__row', { hasText: '砚山铺村' }).getByText('农户 50 户').waitFor();
    await saveScreenshot(page, 'admin-1280x800-regions');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '农户' }).click();
    await page.getByText('共 300 户').waitFor();
    expect(await page.getByRole('navigation', { name: '翻页' }).textContent()).toContain(
      '共 15 页（300 条）',
    );
    await saveScreenshot(page, 'admin-1280x800-households');

    await page.locator('table tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: /^家庭成员（\d+ 人）$/ }).waitFor();
    const memberRows = await columnTexts(page, 2);
    expect(memberRows.length).toBeGreaterThan(0);
    for (const id of memberRows.filter((text) => text !== '—')) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const history = page.getByRole('list', { name: '变更记录' });
    await history.getByText('建档登记').waitFor();

    await page.getByRole('button', { name: '变更贫困状态' }).click();
    const form = page.getByRole('form', { name: '变更贫困状态' });
    const select = form.getByRole('combobox', { name: /新的贫困状态/ });
    const choice = await select.evaluate(
      (element) =>
        [...(element as HTMLSelectElement).options].find((option) => option.value && !option.disabled)!.value,
    );
    await select.selectOption(choice);
    await form.getByRole('textbox', { name: /变更原因/ }).fill('2020 年 6 月入户核查，收入低于监测线');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('贫困状态已变更，已记入变更记录。').waitFor();
    const latest = history.getByRole('listitem').first();
    await latest.getByText('变更贫困状态').waitFor();
    expect(await latest.textContent()).toContain('县扶贫办 刘志强（县级管理员（扶贫办））');
    expect(await latest.textContent()).toContain('原因：2020 年 6 月入户核查，收入低于监测线');
    await saveScreenshot(page, 'admin-1280x800-household');

    await page.getByRole('button', { name: '查看完整账号' }).click();
    await page.getByText(/查看完整银行账号会记入审计日志/).waitFor();
    await saveScreenshot(page, 'admin-1280x800-bank-confirm');

    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it.each<[ViewportName, string]>([
    ['desktop', '1280x800'],
    ['phone', '390x844'],
  ])('on a %s: every page fits the screen, in Chinese and in English', async (viewport, size) => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, viewport);
    await page.goto(`${admin}/login`);
    await page.getByRole('heading', { level: 1, name: '登录管理后台' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await saveScreenshot(page, `admin-${size}-login`);
    await signIn(page, 'fc-admin');
    if (viewport === 'phone') {
      // The menu folds away on a phone; opening it shows every page the role may use.
      await page.getByRole('button', { name: /菜单/ }).click();
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '农户' }).waitFor();
      await saveScreenshot(page, `admin-${size}-menu`);
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '农户' }).click();
      await page.getByText('共 300 户').waitFor();
      expect(await page.getByRole('button', { name: /菜单/ }).getAttribute('aria-expanded')).toBe('false');
    }

    const pages: Array<[string, string, string]> = [
      ['/', '工作台', 'dashboard'],
      ['/regions', '行政区划', 'regions'],
      ['/households', '农户', 'households'],
      ['/households/new', '登记新农户', 'household-new'],
      ['/households/import', '批量导入农户', 'import'],
      ['/users', '用户与角色', 'users'],
      ['/users/new', '新建用户', 'user-new'],
      ['/organisations', '机构', 'organisations'],
      ['/audit', '审计日志', 'audit'],
      ['/password', '修改密码', 'password'],
    ];
    for (const [path, heading, name] of pages) {
      await page.goto(`${admin}${path}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await settled(page);
      expect({ path, overflow: await sidewaysOverflow(page) }).toEqual({ path, overflow: 0 });
      if (
        viewport === 'phone' ||
        ['households', 'import', 'users', 'audit', 'household-new'].includes(name)
      ) {
        await saveScreenshot(page, `admin-${size}-${name}`);
      }
    }

    await page.goto(`${admin}/households`);
    await page.getByText('共 300 户').waitFor();
    await page.locator('table tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: /^家庭成员/ }).waitFor();
    await settled(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `admin-${size}-household`);

    await page.goto(`${admin}/organisations?type=love_supermarket`);
    await page.getByRole('link', { name: '砚山铺村爱心超市' }).click();
    await page.getByRole('heading', { name: '自助终端', exact: true }).waitFor();
    await page.getByRole('rowheader', { name: '一号自助终端' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `admin-${size}-love-supermarket`);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Kiosks' }).waitFor();
    await page.goto(`${admin}/households`);
    await page.getByText('300 households').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `admin-${size}-households-en`);

    await page.goto(`${admin}/households/42/nothing`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    // A health check that times out on a loaded machine answers 503, which the browser logs; the
    // dashboard shows that itself. Anything else is a fault.
    expect(errors.filter((error) => !/status of 503 .*\/health\)$/.test(error))).toEqual([]);
  });
});

describe('each role in the browser sees only its part', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('shows 砚山铺村’s village administrator only 砚山铺村’s households, and no users page', async () => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'yanshanpu-admin', '/households');
    await page.getByText('共 50 户').waitFor();
    expect(registryPart(await menuItems(page))).toEqual(['工作台', '行政区划', '农户', '机构', '修改密码']);
    await page.getByText('范围：方城县 / 独树镇 / 砚山铺村').waitFor();
    for (const place of await columnTexts(page, 2)) expect(place).toMatch(/^砚山铺村/);
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页，共 3 页（50 条）').waitFor();
    await page.locator('table tbody tr').first().waitFor();
    for (const place of await columnTexts(page, 2)) expect(place).toMatch(/^砚山铺村/);

    await page.goto(`${admin}/users`);
    await page.getByRole('heading', { level: 1, name: '没有权限' }).waitFor();
    await saveScreenshot(page, 'admin-1280x800-forbidden');
    expect(errors).toEqual([]);
  });

  it('lets the auditor read households, users and the audit log, with no edit buttons anywhere', async () => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'fc-auditor', '/households');
    await page.getByText('共 300 户').waitFor();
    expect(await page.getByRole('link', { name: '登记新农户' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '批量导入' }).count()).toBe(0);
    await page.locator('table tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: '变更记录' }).waitFor();
    for (const name of ['编辑']) expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
    for (const name of ['变更贫困状态', '调整户类别', '查看完整账号'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);

    await page.goto(`${admin}/users`);
    await page.getByText(/^共 \d+ 个账号$/).waitFor();
    expect(await page.getByRole('link', { name: '新建用户' }).count()).toBe(0);
    await page.goto(`${admin}/audit`);
    await page.getByText(/^共 \d+ 条$/).waitFor();
    await page.goto(`${admin}/regions`);
    await page.getByText('农户 300 户').waitFor();
    expect(await page.getByRole('button', { name: '添加下级' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says a wrong password is wrong, and how many tries are left', async () => {
    const { admin } = stackUrls();
    const { page } = await openPage(browser, 'phone');
    await page.goto(`${admin}/login`);
    await page.getByLabel('用户名').fill('dushu-admin');
    await page.getByLabel(/^密码/).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码不对。再输错 4 次，账户将被锁定 15 分钟。');
    await saveScreenshot(page, 'admin-390x844-login-error');
  });
});

describe('importing households in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('rejects a file with a bad row, importing nothing, then imports the corrected file', async () => {
    const { admin } = stackUrls();
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'dushu-admin', '/households/import');
    await page.getByRole('heading', { level: 1, name: '批量导入农户' }).waitFor();
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV 模板' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('农户导入模板.csv');

    await page.getByLabel('要导入的文件').setInputFiles(csv(good('E2E20200001'), bad('E2E20200002')));
    await page.getByRole('button', { name: '检查文件（不导入）' }).click();
    const table = page.getByRole('table', { name: /^问题清单/ });
    await table.waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('没有导入任何数据');
    const row = table.getByRole('row').filter({ hasText: '脱贫了' });
    expect(await row.getByRole('rowheader').textContent()).toBe('3');
    expect(await row.textContent()).toContain('贫困状态');
    await saveScreenshot(page, 'admin-1280x800-import-rejected');

    await page.goto(`${admin}/households?q=E2E2020`);
    await page.getByText('没有符合条件的农户').waitFor();

    await page.goto(`${admin}/households/import`);
    await page.getByLabel('要导入的文件').setInputFiles(csv(good('E2E20200001'), good('E2E20200002')));
    await page.getByRole('button', { name: '检查文件（不导入）' }).click();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByRole('button', { name: '确认导入 2 户' }).click();
    await page.getByText('已导入 2 户').waitFor();
    await saveScreenshot(page, 'admin-1280x800-import-done');

    await page.goto(`${admin}/households?q=E2E2020`);
    await page.getByText('共 2 户').waitFor();
    // The browser logs the refused upload (422) itself; nothing else may go wrong.
    expect(errors.filter((error) => !/status of 422/.test(error))).toEqual([]);
  });
});
