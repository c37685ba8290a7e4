import * as fs from 'node:fs';
import { launchBrowser, openPage, saveScreenshot } from '@fupin/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { settled, sidewaysOverflow, signIn } from './admin-pages';
import { acceptedOrder, apiSession, paidOrder, stockedProduct, yanshanpuHousehold } from './market-api';

// Produce purchasing (扶贫超市) on the demo county: the collector's fast entry and weigh slip, the
// county supermarket's picking list for a paid order, and the county office's settlement run.

/** Replaces window.print (a dialog in a real browser) with a counter the test can read. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { prints: number }).prints = 0;
    window.print = () => {
      (window as unknown as { prints: number }).prints += 1;
    };
  });
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as { prints: number }).prints);

async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name }).click();
}

describe('produce purchasing in the browser, with the demo county', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('the collector records a purchase with Enter from field to field and gets a printable weigh slip', async () => {
    const collector = await apiSession('yanshanpu-collector');
    const household = await yanshanpuHousehold(collector);
    const { page, errors } = await openPage(browser, 'kiosk');
    await countPrints(page);
    await signIn(page, 'yanshanpu-collector');
    await openMenu(page, '收购');
    const picker = page.getByRole('combobox', { name: /农户/ });
    await picker.fill(household.householdNumber);
    await page.getByRole('listbox', { name: '匹配的农户' }).getByRole('option').first().waitFor();
    await picker.press('Enter');
    await page.getByText(`已选：${household.headName}（${household.householdNumber}）`).waitFor();
    await page.keyboard.type('红薯');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // grade: keep 一级
    await page.keyboard.type('50.5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1.6');
    // 50.5 kg × ¥1.60 = ¥80.80, shown before saving.
    await page.locator('output', { hasText: '¥80.80' }).waitFor();
    await page.keyboard.press('Enter');
    const slipNumber = await page.getByLabel(/称重单号/).inputValue();
    expect(slipNumber).toMatch(/^411322104201-\d{8}-\d{3}$/);
    await page.keyboard.press('Enter');

    const slip = page.getByRole('article', { name: '称重单' });
    await slip.waitFor();
    const text = await slip.innerText();
    expect(text).toContain(household.headName);
    expect(text).toContain('50.500 kg');
    expect(text).toContain('¥80.80');
    expect(text).toContain('捌拾元捌角整');
    expect(text).toContain(slipNumber);
    const purchases = await collector.get<Array<{ weighSlipNumber: string; traceCode: string }>>(
      'market',
      '/purchases',
    );
    const saved = purchases.find((p) => p.weighSlipNumber === slipNumber)!;
    expect(text).toContain(saved.traceCode);

    await page.getByRole('button', { name: '打印称重单', exact: true }).click();
    expect(await prints(page)).toBe(1);
    // The same number again is refused in plain words.
    await page.getByLabel(/称重单号/).fill(slipNumber);
    await page.getByRole('combobox', { name: /农户/ }).fill(household.householdNumber);
    await page.getByRole('combobox', { name: /农户/ }).press('Enter');
    await page.getByLabel(/重量/).fill('3');
    await page.getByRole('button', { name: '保存收购' }).click();
    await page.getByRole('alert').getByText('这个称重单号已经用过了，请换一个单号。').waitFor();
    await saveScreenshot(page, 'admin-1024x768-market-procurement');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'admin-print-market-weigh-slip');
    await page.emulateMedia({ media: 'screen' });
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('the supermarket staff sees a paid order, starts picking and prints the picking list', async () => {
    const { product, lot } = await stockedProduct('PICK');
    const order = await paidOrder(product.id, 2);
    const { page, errors } = await openPage(browser, 'desktop');
    await countPrints(page);
    await signIn(page, 'fc-supermarket');
    await openMenu(page, '订单履约');
    await page.getByRole('combobox', { name: '订单状态' }).selectOption('paid');
    const row = page.locator('tr', { hasText: order.orderNumber });
    await row.getByText('已支付待拣货').waitFor();
    expect(await row.innerText()).toContain('方城县财政局');

    await page.getByRole('link', { name: '打印拣货单' }).click();
    const sheet = page.getByRole('article', { name: '拣货单' });
    await sheet.waitFor();
    const line = sheet.locator('tr', { hasText: product.name });
    expect(await line.innerText()).toContain(`${lot.traceCode} × 2 箱`);
    await page.getByRole('button', { name: '打印' }).click();
    expect(await prints(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'admin-print-market-picking-list');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: '返回订单履约' }).click();
    await page.getByRole('button', { name: `开始拣货 ${order.orderNumber}` }).click();
    await page.getByRole('button', { name: `备货完成 ${order.orderNumber}` }).waitFor();
    await settled(page);
    await saveScreenshot(page, 'admin-1280x800-market-fulfilment');
    expect(errors).toEqual([]);
  });

  it('the county administrator runs settlement and the bank file adds up to the settled lines', async () => {
    const { product } = await stockedProduct('SETTLE');
    await acceptedOrder(product.id);
    const { page, errors } = await openPage(browser, 'desktop');
    await signIn(page, 'fc-admin');
    await openMenu(page, '结算');
    await page.getByRole('button', { name: '运行结算' }).click();
    await page.getByRole('button', { name: '确认结算' }).click();
    const lines = page.getByRole('table', { name: '代发明细（每户一行）' });
    await lines.waitFor();
    const amounts = await lines
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row.lastElementChild as HTMLElement).innerText.trim()));
    expect(amounts.length).toBeGreaterThan(0);
    const fen = (text: string) => Math.round(Number(text.replace(/[¥,\s]/g, '')) * 100);
    const linesTotal = amounts.reduce((sum, text) => sum + fen(text), 0);
    const shownTotal = fen((await page.getByText(/^合计：/).innerText()).replace('合计：', ''));
    expect(shownTotal).toBe(linesTotal);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载银行代发文件（CSV）' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .map((r) => r.split(','));
    const body = rows.slice(1, -1);
    const total = rows.at(-1)!;
    expect(total[0]).toContain('合计');
    expect(body).toHaveLength(amounts.length);
    const fileLines = body.reduce((sum, r) => sum + Number(r.at(-1)), 0);
    expect(Number(total.at(-1))).toBe(fileLines);
    expect(fileLines).toBe(linesTotal);
    await saveScreenshot(page, 'admin-1280x800-market-settlement');

    await openMenu(page, '消费扶贫台账');
    await page.getByRole('img', { name: '按工作单位的消费扶贫金额条形图' }).waitFor();
    expect(await page.getByRole('table', { name: '台账明细' }).innerText()).toContain('方城县财政局');
    await saveScreenshot(page, 'admin-1280x800-market-ledger');
    expect(errors).toEqual([]);
  });

  it('the sorting station sees a lot coming from a village, receives it from the list with a loss, and the list empties', async () => {
    const collector = await apiSession('yanshanpu-collector');
    const network = await collector.get<Array<{ id: string; type: string; regionCode: string }>>(
      'market',
      '/network/organisations',
    );
    const point = network.find((o) => o.type === 'collection_point' && o.regionCode === '411322104201')!;
    const sorting = network.find((o) => o.type === 'sorting_station' && o.regionCode === '411322104')!;
    const household = await yanshanpuHousehold(collector, 2);
    const purchase = await collector.post<{ lotId: string; traceCode: string }>('market', '/purchases', {
      collectionPointId: point.id,
      householdId: household.id,
      produce: '花生',
      grade: 'first',
      weightGrams: 40_000,
      unitPriceFenPerKg: 900,
      weighSlipNumber: `E2E-RECV-${Date.now()}`,
    });
    await collector.post('market', '/transfers', { lotId: purchase.lotId, toOrganisationId: sorting.id });

    const { page, errors } = await openPage(browser, 'kiosk');
    await signIn(page, 'dushu-sorting', '/market/lots');
    await page.getByRole('link', { name: /^待收货/ }).click();
    const receive = page.getByRole('link', { name: `收货：批次 ${purchase.traceCode}` });
    await receive.click();
    await page.getByRole('heading', { level: 1, name: '登记收货' }).waitFor();
    await page.getByLabel(/实收重量（千克）/).fill('39.5');
    await page.getByLabel(/^损耗原因/).fill('运输途中失水');
    await page.getByRole('button', { name: '确认收货' }).click();
    await page.getByText('已收货，实收 39.500 千克。').waitFor();
    await page.getByText('损耗 0.500 千克：运输途中失水').waitFor();

    await page.goto(page.url().replace(/\/market\/.*$/, '/market/lots?view=incoming'));
    await settled(page);
    expect(await page.getByRole('link', { name: `收货：批次 ${purchase.traceCode}` }).count()).toBe(0);
    await page.getByRole('link', { name: /^发出的调运|^在本单位的批次/ }).first().waitFor();
    const station = await apiSession('dushu-sorting');
    const received = await station.get<{ items: Array<{ traceCode: string; receivedGrams: number | null }> }>(
      'market',
      '/transfers?direction=incoming&status=received&pageSize=100',
    );
    expect(received.items.find((t) => t.traceCode === purchase.traceCode)?.receivedGrams).toBe(39_500);
    await saveScreenshot(page, 'admin-1024x768-market-incoming-transfers');
    expect(errors).toEqual([]);
  });

  it('fits the procurement entry on a phone', async () => {
    const { page } = await openPage(browser, 'phone');
    await signIn(page, 'yanshanpu-collector', '/market/procurement');
    await page.getByRole('form', { name: '收购录入' }).waitFor();
    await settled(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await saveScreenshot(page, 'admin-390-market-procurement');
  });
});
