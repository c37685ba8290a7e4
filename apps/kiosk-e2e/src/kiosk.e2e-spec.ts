import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, stackUrls } from '@fupin/e2e-support';

const SERVICES = ['registry', 'ledger', 'market', 'dividends'];

describe('kiosk on its 1024×768 touch screen, against the running platform', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('welcomes in Chinese, shows all four services 正常, switches to English and finds no unknown screen', async () => {
    const { kiosk } = stackUrls();
    const { page, errors } = await openPage(browser, 'kiosk');

    await page.goto(kiosk);
    await page.getByRole('heading', { level: 1, name: '欢迎来到爱心超市' }).waitFor();
    await page.getByText('请刷卡或输入积分卡号').waitFor();
    await page.getByText('全部正常').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    for (const service of SERVICES) {
      const tile = page.locator(`[data-service="${service}"]`);
      expect(await tile.getByText('正常').count()).toBe(2); // service and its database
      expect(await tile.textContent()).toContain('数据库');
    }
    await saveScreenshot(page, 'kiosk-1024x768-zh');
    // Everything, status area included, fits the kiosk screen without scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to the Love Supermarket' }).waitFor();
    await page.getByText('All systems OK').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await saveScreenshot(page, 'kiosk-1024x768-en');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);

    await page.goto(`${kiosk}/no-such-screen`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await saveScreenshot(page, 'kiosk-1024x768-not-found');
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to the Love Supermarket' }).waitFor();

    expect(errors).toEqual([]);
  });

  it('says plainly when the network is down, and recovers on 重试 once it is back', async () => {
    const { kiosk } = stackUrls();
    const { page } = await openPage(browser, 'kiosk');
    await page.goto(kiosk);
    await page.getByText('全部正常').waitFor();

    await page.context().setOffline(true);
    await page.getByRole('button', { name: '重新检查' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('连不上服务器').waitFor();
    expect(await alert.textContent()).toContain('网络连不上');
    await saveScreenshot(page, 'kiosk-1024x768-network-down');

    await page.context().setOffline(false);
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByText('全部正常').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
