import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, stackUrls, type ViewportName } from '@fupin/e2e-support';

const SERVICES = ['registry', 'ledger', 'market', 'dividends'];

describe('storefront in a browser, against the running platform', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it.each<[ViewportName, string]>([
    ['desktop', '1280x800'],
    ['phone', '390x844'],
  ])(
    'on a %s: Chinese home with all four services 正常, then English, then not found',
    async (viewport, size) => {
      const { storefront } = stackUrls();
      const { page, errors } = await openPage(browser, viewport);

      await page.goto(storefront);
      await page.getByRole('heading', { level: 1, name: '买农家好货，助乡亲增收' }).waitFor();
      const panel = page.getByRole('region', { name: '系统状态' });
      await panel.getByText('全部正常').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      for (const service of SERVICES) {
        const item = panel.locator(`[data-service="${service}"]`);
        expect(await item.getByText('正常').count()).toBe(2); // service and its database
        expect(await item.textContent()).toContain('数据库');
      }
      // Nothing wider than the screen: a phone must not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
      await saveScreenshot(page, `storefront-${size}-zh`);

      await page.getByRole('button', { name: 'English' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Buy farm produce, raise village incomes' })
        .waitFor();
      await page.getByRole('region', { name: 'System status' }).getByText('All systems OK').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await saveScreenshot(page, `storefront-${size}-en`);

      await page.goto(`${storefront}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await saveScreenshot(page, `storefront-${size}-not-found`);

      expect(errors).toEqual([]);
    },
  );
});
