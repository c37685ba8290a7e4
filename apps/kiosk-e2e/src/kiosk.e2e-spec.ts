import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, stackUrls } from '@fupin/e2e-support';
import { demoVillager, expectToFitTheScreen, setUpKiosk } from './kiosk-pages';

const SERVICES = ['registry', 'ledger', 'market', 'dividends'];

describe('kiosk on its 1024×768 touch screen, against the running platform', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('sends a kiosk without a credential to its set-up screen, which shows all four services 正常, in Chinese or English', async () => {
    const { kiosk } = stackUrls();
    const { page, errors } = await openPage(browser, 'kiosk');

    await page.goto(kiosk);
    await page.getByRole('heading', { level: 1, name: '终端设置' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.getByText('本终端还没有设置凭证。').waitFor();
    await page.getByText('全部正常').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    for (const service of SERVICES) {
      const tile = page.locator(`[data-service="${service}"]`);
      expect(await tile.getByText('正常').count()).toBe(2); // service and its database
      expect(await tile.textContent()).toContain('数据库');
    }
    await saveScreenshot(page, 'kiosk-1024x768-setup-zh');

    // A mistyped credential is refused before it is stored.
    await page.getByRole('textbox', { name: /终端凭证/ }).fill('not-a-credential');
    await page.getByRole('button', { name: '验证并保存' }).click();
    await page.getByText('凭证格式不对：应为“终端编号.密钥”。').waitFor();
    const { credential } = demoVillager();
    await page.getByRole('textbox', { name: /终端凭证/ }).fill(`${credential.slice(0, -4)}AAAA`);
    await page.getByRole('button', { name: '验证并保存' }).click();
    await page.getByText('凭证不正确或已被更换，请重新从管理后台复制。').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('fupin.kiosk.credential'))).toBeNull();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiosk set-up' }).waitFor();
    await page.getByText('All systems OK').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await saveScreenshot(page, 'kiosk-1024x768-setup-en');

    await page.goto(`${kiosk}/no-such-screen`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await saveScreenshot(page, 'kiosk-1024x768-not-found');
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiosk set-up' }).waitFor();

    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('welcomes villagers in Chinese once set up, fitting the screen; says plainly when the network is down', async () => {
    const { page, errors } = await openPage(browser, 'kiosk');
    const villager = demoVillager();
    await setUpKiosk(page, villager.credential);
    await page.getByText('请刷卡或输入积分卡号').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(villager.storeName);
    await saveScreenshot(page, 'kiosk-1024x768-start');
    await expectToFitTheScreen(page);

    // The credential stays on the machine: a reload goes straight to the card screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '欢迎来到爱心超市' }).waitFor();

    await page.context().setOffline(true);
    await page.keyboard.type(villager.cardNumber);
    await page.keyboard.press('Enter');
    const keypad = page.getByRole('group', { name: '数字键盘' });
    for (const digit of villager.pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('alert').getByText('网络连不上').waitFor();
    await saveScreenshot(page, 'kiosk-1024x768-network-down');

    await page.context().setOffline(false);
    for (const digit of villager.pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('balance').waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('已退出，欢迎下次再来。').waitFor();
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
