import { stackUrls } from '@fupin/e2e-support';
import type { Page } from 'playwright-core';

/** Opens an admin page of the points part by its path (the session is kept in the page). */
export async function openAdmin(page: Page, path: string): Promise<void> {
  await page.goto(`${stackUrls().admin}${path}`);
}

/** The whole-number value of a figure card (可用积分, 公示中积分…) on the household's points page. */
export async function figure(page: Page, label: string): Promise<number> {
  const card = page.locator('.points-figure', { hasText: label });
  const text = await card.locator('.points-figure__value').innerText();
  return Number(text.replace(/[^\d-]/g, ''));
}

/** The public notice's end as the ledger states it, read without a login like any villager would. */
export async function noticeEndsAt(page: Page, token: string): Promise<number> {
  const answer = await page.request.get(`${stackUrls().admin}/api/ledger/public/notices/${token}`);
  const body = (await answer.json()) as { noticeEndsAt: string };
  return new Date(body.noticeEndsAt).getTime();
}
