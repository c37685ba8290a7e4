import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); CHROMIUM_PATH overrides it. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// No sandbox: CI runs as root in a container. The rest keeps Chromium from calling out to the
// internet (updates, sync, QUIC probes), which the test machines cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The screens the apps are built for. */
export const VIEWPORTS = {
  /** The village love-supermarket kiosk's touch screen. */
  kiosk: { width: 1024, height: 768 },
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** The addresses tools/e2e/global-setup.mjs publishes after starting the stack. */
export interface StackUrls {
  storefront: string;
  kiosk: string;
  admin: string;
  registry: string;
  ledger: string;
  market: string;
  dividends: string;
}

export function stackUrls(): StackUrls {
  const raw = process.env['E2E_URLS'];
  if (!raw)
    throw new Error(
      'E2E_URLS is not set: run the browser tests through their jest config (tools/e2e/global-setup.mjs)',
    );
  return JSON.parse(raw) as StackUrls;
}

/** What the demo seed returns (tools/dev/stack.mjs `seedDemo`), published by global-setup-with-demo.mjs. */
export interface StackDemo {
  created: boolean;
  /** Staff of every role; all share the demo password. */
  logins: Array<{ role: string; username: string; password: string; scope: string }>;
  kiosks: Array<{ storeName: string; kioskId: string; credential: string }>;
  sampleCards: Array<{ cardNumber: string; pin: string; householdHead: string; village: string }>;
  /** What the ledger's demo seed made: rules, goods and last month's approved sheet per village. */
  ledger?: {
    created: boolean;
    period: string;
    stores: Array<{ id: string; villageCode: string; name: string; goods: number }>;
    sampleBalances: Array<{ cardNumber: string; householdId: string; balance: number }>;
  };
  /** The market's demo produce: products stocked from lots bought from demo households. */
  market?: { created: boolean; products: Array<{ id: string; sku: string; name: string }>; buyer: string };
  /** The dividends demo (a cooperative and a PV station); its shape is the dividends seed's own. */
  dividends?: { created: boolean } & Record<string, unknown>;
}

export function stackDemo(): StackDemo {
  const raw = process.env['E2E_DEMO'];
  if (!raw)
    throw new Error(
      'E2E_DEMO is not set: use tools/e2e/global-setup-with-demo.mjs as the jest globalSetup of this project',
    );
  return JSON.parse(raw) as StackDemo;
}

/** The demo login of a user, by username (e.g. `fc-admin`). */
export function demoLogin(username: string): StackDemo['logins'][number] {
  const login = stackDemo().logins.find((entry) => entry.username === username);
  if (!login) throw new Error(`the demo county has no login ${username}`);
  return login;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far; a healthy page has none. */
  errors: string[];
}

/** A fresh page (own storage, so a language chosen in one test does not leak) at a viewport. */
export async function openPage(browser: Browser, viewport: ViewportName): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  return { page, errors };
}

const SCREENSHOT_DIR = path.resolve(__dirname, '../../tmp/e2e');

/** Saves a full-page PNG to tmp/e2e/<name>.png for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
