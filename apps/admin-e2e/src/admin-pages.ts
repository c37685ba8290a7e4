import { demoLogin, saveScreenshot, stackUrls } from '@fupin/e2e-support';
import type { Page } from 'playwright-core';

/** Signs in through the login page as a demo user and waits for the dashboard. */
export async function signIn(page: Page, username: string, next = '/'): Promise<void> {
  const { admin } = stackUrls();
  const { password } = demoLogin(username);
  await page.goto(`${admin}${next}`);
  await page.getByRole('heading', { level: 1, name: '登录管理后台' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel(/^密码/).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // Signing in hashes the password on the registry; with every e2e project's stack busy on CI's
  // two cores that has taken longer than the default 30 s. On failure, keep what the page showed.
  await page
    .getByRole('button', { name: '退出登录' })
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      await saveScreenshot(page, `sign-in-failed-${username}`).catch(() => undefined);
      throw error;
    });
}

/** How far the page scrolls sideways beyond the screen (0 when nothing overflows). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The names in the main menu, in order. */
export async function menuItems(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主菜单' });
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

/** The values of the given column in the table on the page. */
export async function columnTexts(page: Page, column: number): Promise<string[]> {
  return page
    .locator('table tbody tr')
    .evaluateAll(
      (rows, index) =>
        rows.map((row) => (row.children[index] as HTMLElement | undefined)?.innerText.trim() ?? ''),
      column,
    );
}

/** Waits until nothing on the page says it is loading (spinners, busy buttons). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.fp-state--loading, [aria-busy="true"]'));
}
