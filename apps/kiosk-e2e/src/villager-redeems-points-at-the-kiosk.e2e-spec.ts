import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot } from '@fupin/e2e-support';
import { demoVillager, expectToFitTheScreen, keeperView, setUpKiosk, signIn } from './kiosk-pages';

describe('a villager redeems points at the village kiosk (1024×768), against the demo county', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('signs in with card + PIN, sees the balance, redeems a basket, gets a receipt; the API agrees; too dear changes nothing', async () => {
    const villager = demoVillager(0);
    const before = await keeperView(villager);
    expect(before.balance).toBeGreaterThanOrEqual(20);
    const { page, errors } = await openPage(browser, 'kiosk');
    await setUpKiosk(page, villager.credential);

    // A wrong PIN first: plain words and the tries left, still on the PIN screen.
    await page.keyboard.type(villager.cardNumber);
    await page.keyboard.press('Enter');
    const keypad = page.getByRole('group', { name: '数字键盘' });
    const wrong = villager.pin === '000000' ? '111111' : '000000';
    for (const digit of wrong) await keypad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page
      .getByRole('alert')
      .getByText(/密码不对，还可以再试 \d 次。/)
      .waitFor();
    await saveScreenshot(page, 'kiosk-1024x768-wrong-pin');
    await expectToFitTheScreen(page);
    await page.getByRole('button', { name: '返回' }).click();

    await signIn(page, villager);
    expect(await page.getByTestId('balance').textContent()).toBe(String(before.balance));
    await page.getByText(`${villager.householdHead}，您好`).waitFor();
    await page.locator('[data-goods="毛巾"]').waitFor();
    expect(await page.locator('[data-goods="暖水瓶"]').textContent()).toContain('已换完');
    await saveScreenshot(page, 'kiosk-1024x768-shop');
    await expectToFitTheScreen(page);

    // Two towels and a bag of salt: 2 × 8 + 3 = 19 points.
    await page.locator('[data-goods="毛巾"]').click();
    await page.locator('[data-goods="毛巾"]').click();
    await page.locator('[data-goods="食盐"]').click();
    const basket = page.getByRole('region', { name: '我选的商品' });
    expect(await basket.getByRole('status', { name: '毛巾' }).textContent()).toBe('2');
    expect(await page.getByTestId('basket-total').textContent()).toBe('19 分');
    expect(await page.getByTestId('basket-remaining').textContent()).toBe(`${before.balance - 19} 分`);
    await saveScreenshot(page, 'kiosk-1024x768-basket');
    await expectToFitTheScreen(page);

    // A double tap on confirm redeems once (one Idempotency-Key per confirmed basket).
    await page.getByRole('button', { name: '确认兑换' }).dblclick();
    await page.getByRole('heading', { level: 1, name: /兑换成功/ }).waitFor();
    expect(await page.getByTestId('receipt-number').textContent()).toMatch(/\d{8}-\d{6}$/);
    expect(await page.getByTestId('receipt-total').textContent()).toContain('19 分');
    expect(await page.getByTestId('receipt-balance').textContent()).toBe(`${before.balance - 19} 分`);
    await saveScreenshot(page, 'kiosk-1024x768-receipt');
    await expectToFitTheScreen(page);

    // On paper: only the receipt, 58 mm wide (about 219 CSS pixels).
    await page.emulateMedia({ media: 'print' });
    const receiptBox = await page.getByRole('article', { name: '兑换成功' }).boundingBox();
    expect(receiptBox!.width).toBeLessThanOrEqual(222);
    expect(await page.getByRole('button', { name: '打印小票' }).isVisible()).toBe(false);
    await saveScreenshot(page, 'kiosk-58mm-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    const after = await keeperView(villager);
    expect(after.balance).toBe(before.balance - 19);
    expect(after.stock.get('毛巾')).toBe(before.stock.get('毛巾')! - 2);
    expect(after.stock.get('食盐')).toBe(before.stock.get('食盐')! - 1);

    await page.getByRole('button', { name: '完成' }).click();
    await page.getByText('已退出，欢迎下次再来。').waitFor();

    // Second visit: the rice cooker costs more than is left. Plain words, nothing redeemed.
    await signIn(page, villager);
    expect(await page.getByTestId('balance').textContent()).toBe(String(after.balance));
    await page.locator('[data-goods="电饭锅"]').click();
    const refusal = page.getByRole('alert');
    await refusal.getByText(/积分不够换“电饭锅”：还差 \d+ 分。/).waitFor();
    expect(await page.getByRole('button', { name: '确认兑换' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'kiosk-1024x768-not-enough-points');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('已退出，欢迎下次再来。').waitFor();

    const unchanged = await keeperView(villager);
    expect(unchanged.balance).toBe(after.balance);
    expect([...unchanged.stock]).toEqual([...after.stock]);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
