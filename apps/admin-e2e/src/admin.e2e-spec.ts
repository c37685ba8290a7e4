import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, stackUrls, type ViewportName } from '@fupin/e2e-support';

describe('admin in a browser, against the running platform', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it.each<[ViewportName, string]>([
    ['desktop', '1280x800'],
    ['phone', '390x844'],
  ])(
    'on a %s: Chinese dashboard with every service 正常, then English, then not found',
    async (viewport, size) => {
      const { admin } = stackUrls();
      const { page, errors } = await openPage(browser, viewport);

      await page.goto(admin);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      await page.getByText('全部正常').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const rows = page.getByRole('table', { name: '系统状态' }).getByRole('row');
      expect(await rows.count()).toBe(5); // header + four services
      for (const name of ['农户登记', '爱心积分', '扶贫超市', '分红']) {
        const row = rows.filter({ has: page.getByRole('rowheader', { name }) });
        expect(await row.getByText('正常').count()).toBe(2); // service and its database
        expect(await row.textContent()).toContain('数据库');
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
      // The table may scroll sideways inside its frame, but the status table should not need to.
      const tableFrame = page.locator('.fp-data-table__scroll');
      expect(await tableFrame.evaluate((frame) => frame.scrollWidth - frame.clientWidth)).toBeLessThanOrEqual(
        0,
      );
      await saveScreenshot(page, `admin-${size}-zh`);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.getByText('All systems OK').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await saveScreenshot(page, `admin-${size}-en`);

      await page.goto(`${admin}/households/42`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await saveScreenshot(page, `admin-${size}-not-found`);

      expect(errors).toEqual([]);
    },
  );
});
