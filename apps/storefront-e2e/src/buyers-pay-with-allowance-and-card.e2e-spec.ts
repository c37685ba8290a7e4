import { launchBrowser, openPage, saveScreenshot, stackUrls } from '@fupin/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { demoProduct, marketSession } from './market-api';

// The buyer journey on the demo county: buyer-czj buys more than the allowance covers,
// a declined card takes nothing, a test Visa pays the rest; another buyer cannot see the order;
// the county supermarket picks it and the buyer confirms receipt.

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: '干部职工登录' }).waitFor();
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/^密码/).fill('Fupin@2020demo');
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
}

async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel(/卡号/).fill(number);
  await page.getByLabel(/有效期/).fill('12/30');
  await page.getByLabel(/安全码/).fill('123');
}

const amount = (page: Page, name: string) =>
  page.getByTestId('payment-split').locator(`[data-amount="${name}"]`).textContent();

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
}

describe('buyers shop the demo county’s produce in a browser', () => {
  let browser: Browser;
  let orderId = '';
  const oil = () => demoProduct('FC-HSY-5L');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('on a desktop: buyer-czj buys beyond the allowance; a declined card takes nothing; Visa pays the rest', async () => {
    const { storefront } = stackUrls();
    const api = await marketSession('buyer-czj');
    const before = { allowance: await api.allowance(), oil: await api.product(oil().id) };
    expect(before.allowance.balanceFen).toBe(70_000);
    expect(before.oil.available).toBeGreaterThanOrEqual(5);
    const { page, errors } = await openPage(browser, 'desktop');

    await page.goto(`${storefront}/products`);
    await signIn(page, 'buyer-czj');
    await page.getByRole('heading', { level: 1, name: '扶贫农产品' }).waitFor();
    await page.getByRole('list', { name: '商品列表' }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: '粮油' }).click();
    await page.getByRole('heading', { level: 2, name: '压榨花生油' }).waitFor();
    await saveScreenshot(page, 'storefront-1280x800-catalogue');

    await page.getByRole('heading', { level: 2, name: '压榨花生油' }).click();
    await page.getByRole('heading', { level: 1, name: '压榨花生油' }).waitFor();
    const trace = page.getByRole('region', { name: '产品溯源：谁种的，卖给了谁' });
    await trace.getByText(/这件商品来自 后营村 的 \d+ 户农户。/).waitFor();
    expect(await trace.getByText(/收购价 ¥26\.00\/公斤/).count()).toBeGreaterThan(0);
    expect(await trace.textContent()).toMatch(/[\u4e00-\u9fa5]\*[\u4e00-\u9fa5]/); // masked names
    await saveScreenshot(page, 'storefront-1280x800-product');

    await page.getByLabel('数量', { exact: true }).fill('5');
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByText('已加入购物车，共 5 件').waitFor();
    await page.getByRole('link', { name: '去购物车' }).click();
    await page.getByRole('heading', { level: 1, name: '购物车' }).waitFor();
    await page.getByRole('link', { name: '去结算' }).click();
    await page.getByTestId('payment-split').waitFor();
    expect(await amount(page, 'total')).toBe('¥840.00');
    expect(await amount(page, 'balance')).toBe('¥700.00');
    expect(await amount(page, 'allowance')).toBe('¥700.00');
    expect(await amount(page, 'card')).toBe('¥140.00');

    await fillCard(page, '4000 0000 0000 0002');
    await saveScreenshot(page, 'storefront-1280x800-checkout');
    await page.getByRole('button', { name: '提交订单并刷卡 ¥140.00' }).click();
    await page
      .getByRole('alert')
      .getByText('银行卡付款被拒绝，订单没有成立：补贴没有扣，商品也没有占用。请换一张卡再试。')
      .waitFor();
    await saveScreenshot(page, 'storefront-1280x800-declined');
    expect((await api.allowance()).balanceFen).toBe(70_000);
    expect((await api.product(oil().id)).available).toBe(before.oil.available);
    expect(await amount(page, 'balance')).toBe('¥700.00');

    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: '提交订单并刷卡 ¥140.00' }).click();
    await page.getByText('下单成功，已付款。扶贫超市会尽快拣货。').waitFor();
    orderId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /订单 .*已付款/ }).waitFor();
    await saveScreenshot(page, 'storefront-1280x800-order-paid');

    const order = await api.order(orderId);
    expect(order).toMatchObject({ status: 'paid', totalFen: 84_000, allowanceFen: 70_000, cardFen: 14_000 });
    expect((await api.allowance()).balanceFen).toBe(0);
    expect((await api.product(oil().id)).available).toBe(before.oil.available - 5);
    await noSidewaysScroll(page);
    expect(errors.filter((e) => !e.includes('402'))).toEqual([]);
  });

  it('on a phone: another buyer cannot open that order, and buys within the allowance without a card', async () => {
    const { storefront } = stackUrls();
    expect(orderId).not.toBe('');
    const other = await marketSession('buyer-jyj');
    expect((await other.call('GET', `/orders/${orderId}`)).status).toBe(404);
    const { page, errors } = await openPage(browser, 'phone');

    await page.goto(`${storefront}/orders/${orderId}`);
    await signIn(page, 'buyer-jyj');
    await page.getByText('找不到这个订单').waitFor();
    expect(await page.getByText('压榨花生油').count()).toBe(0);
    await saveScreenshot(page, 'storefront-390x844-not-your-order');

    await page.goto(`${storefront}/products?q=${encodeURIComponent('小米')}`);
    await page.getByRole('heading', { level: 2, name: '高山小米' }).waitFor();
    await noSidewaysScroll(page);
    await saveScreenshot(page, 'storefront-390x844-catalogue');
    await page.getByRole('button', { name: '把高山小米加入购物车' }).click();
    await page.getByText('已加入购物车，共 1 件').waitFor();
    await page.goto(`${storefront}/checkout`);
    await page.getByTestId('payment-split').waitFor();
    expect(await amount(page, 'card')).toBe('¥0.00');
    expect(await page.getByLabel(/卡号/).count()).toBe(0);
    await page.getByLabel('到县扶贫超市自提').check();
    await noSidewaysScroll(page);
    await saveScreenshot(page, 'storefront-390x844-checkout');
    await page.getByRole('button', { name: '提交订单', exact: true }).click();
    await page.getByText('下单成功，已付款。扶贫超市会尽快拣货。').waitFor();
    await noSidewaysScroll(page);
    await saveScreenshot(page, 'storefront-390x844-order-paid');
    expect((await other.allowance()).balanceFen).toBe(70_000 - 4_980);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('after the supermarket picks and readies it, buyer-czj confirms receipt and sees whom it helped', async () => {
    const { storefront } = stackUrls();
    const staff = await marketSession('fc-supermarket');
    expect((await staff.call('POST', `/orders/${orderId}/pick`)).status).toBe(200);
    expect((await staff.call('POST', `/orders/${orderId}/ready`)).status).toBe(200);
    const { page, errors } = await openPage(browser, 'desktop');

    await page.goto(`${storefront}/orders/${orderId}`);
    await signIn(page, 'buyer-czj');
    await page.getByText('商品已备好，送到后请确认收货。').waitFor();
    await page.getByRole('button', { name: '确认收货' }).click();
    await page.getByText('已确认收货，谢谢您对乡亲们的支持！').waitFor();
    await page.getByRole('heading', { level: 1, name: /已收货/ }).waitFor();
    await saveScreenshot(page, 'storefront-1280x800-order-accepted');
    expect((await (await marketSession('buyer-czj')).order(orderId)).status).toBe('accepted');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的补贴' }).click();
    await page.getByText(/您的采购帮助了 1 个村的 \d+ 户农户/).waitFor();
    // The declined attempt shows as spent and returned; the paid order as spent.
    const ledger = page.getByRole('region', { name: '收支明细' });
    await ledger.getByText('−¥700.00').first().waitFor();
    expect(await ledger.getByText('−¥700.00').count()).toBe(2);
    expect(await ledger.getByText('+¥700.00').count()).toBe(2);
    await saveScreenshot(page, 'storefront-1280x800-allowance');
    expect(errors).toEqual([]);
  });
});
