import type { Page } from 'playwright-core';
import { stackDemo, stackUrls } from '@fupin/e2e-support';

/** The ledger demo's part of E2E_DEMO (apps/ledger/src/demo). */
export interface LedgerDemo {
  period: string;
  stores: Array<{ id: string; villageCode: string; name: string; goods: number }>;
  sampleBalances: Array<{ cardNumber: string; householdId: string; balance: number }>;
}

export interface DemoVillager {
  cardNumber: string;
  pin: string;
  householdHead: string;
  householdId: string;
  storeId: string;
  storeName: string;
  credential: string;
  keeper: { username: string; password: string };
}

/** A sample card of the demo county with its village's kiosk, store and store keeper. */
export function demoVillager(index = 0): DemoVillager {
  const demo = stackDemo() as ReturnType<typeof stackDemo> & { ledger?: LedgerDemo };
  if (!demo.ledger)
    throw new Error('E2E_DEMO has no ledger demo: is dist/node/apps/ledger/src/demo/main.js built?');
  const card = demo.sampleCards[index]!;
  const storeName = `${card.village}爱心超市`;
  const kiosk = demo.kiosks.find((k) => k.storeName === storeName)!;
  const store = demo.ledger.stores.find((s) => s.name === storeName)!;
  const keeper = demo.logins.find((l) => l.role === 'store_keeper' && l.scope === storeName)!;
  const sample = demo.ledger.sampleBalances.find((s) => s.cardNumber === card.cardNumber)!;
  return {
    cardNumber: card.cardNumber,
    pin: card.pin,
    householdHead: card.householdHead,
    householdId: sample.householdId,
    storeId: store.id,
    storeName,
    credential: kiosk.credential,
    keeper: { username: keeper.username, password: keeper.password },
  };
}

/** The store keeper's view through the API: the household's balance and the store's stock. */
export async function keeperView(
  villager: DemoVillager,
): Promise<{ balance: number; stock: Map<string, number> }> {
  const { registry, ledger } = stackUrls();
  const login = await fetch(`${registry}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(villager.keeper),
  });
  if (!login.ok) throw new Error(`keeper login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${ledger}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const account = await get<{ balance: number }>(`/accounts/households/${villager.householdId}`);
  const goods = await get<Array<{ name: string; quantity: number }>>(`/stores/${villager.storeId}/goods`);
  return { balance: account.balance, stock: new Map(goods.map((g) => [g.name, g.quantity])) };
}

/** The store keeper sets the kiosk up once with its device credential, then opens the start screen. */
export async function setUpKiosk(page: Page, credential: string): Promise<void> {
  const { kiosk } = stackUrls();
  await page.goto(kiosk);
  await page.getByRole('heading', { level: 1, name: '终端设置' }).waitFor();
  await page.getByRole('textbox', { name: /终端凭证/ }).fill(credential);
  await page.getByRole('button', { name: '验证并保存' }).click();
  await page.getByText(/已保存。本终端属于：/).waitFor();
  await page.getByRole('link', { name: '去首页' }).click();
  await page.getByRole('heading', { level: 1, name: '欢迎来到爱心超市' }).waitFor();
}

/** A villager signs in: the card reader types the number and Enter, the PIN goes in on the keypad. */
export async function signIn(page: Page, villager: DemoVillager): Promise<void> {
  await page.getByRole('heading', { level: 1, name: '欢迎来到爱心超市' }).waitFor();
  await page.keyboard.type(villager.cardNumber);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: '请输入密码' }).waitFor();
  const keypad = page.getByRole('group', { name: '数字键盘' });
  for (const digit of villager.pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByTestId('balance').waitFor();
}

/** Everything on the screen without scrolling the page, either way (1024×768). */
export async function expectToFitTheScreen(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(size.width).toBeLessThanOrEqual(1024);
  expect(size.height).toBeLessThanOrEqual(768);
}
