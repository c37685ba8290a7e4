// Jest globalSetup for the browser tests: starts the whole platform (embedded PostgreSQL, the four
// services, a gateway per built app) on free ports and hands the addresses to the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts the stack for the e2e project at `projectConfig.rootDir` and publishes `E2E_URLS`.
 * With `seedDemo`, the demo county is loaded first and its logins, kiosks and sample cards are
 * published as `E2E_DEMO` (read with `stackDemo()` from `@fupin/e2e-support`).
 *
 * @param {{ rootDir: string }} projectConfig
 * @param {{ seedDemo?: boolean }} [options]
 */
export async function startE2eStack(projectConfig, options = {}) {
  // apps/<app>-e2e tests apps/<app>; testing a missing build would only show the gateway's 404.
  const app = path.basename(projectConfig.rootDir).replace(/-e2e$/, '');
  const dist = process.env.FUPIN_APPS_DIST ? path.resolve(process.env.FUPIN_APPS_DIST) : path.join(ROOT, 'dist/apps');
  if (!fs.existsSync(path.join(dist, app, 'index.html'))) {
    throw new Error(`${dist}/${app} is not built: run "npx vite build -c apps/${app}/vite.config.mts" first`);
  }
  const { startStack } = await import('../dev/stack.mjs');
  const lines = [];
  const log = (line) => {
    lines.push(line);
    if (process.env.E2E_VERBOSE) console.log(`[stack] ${line}`);
  };
  let stack;
  try {
    stack = await startStack({ ports: 0, log, seedDemo: options.seedDemo === true });
  } catch (error) {
    throw new Error(`the stack did not start: ${error.message}\n${lines.slice(-30).join('\n')}`, {
      cause: error,
    });
  }
  globalThis.__E2E_STACK__ = stack;
  process.env.E2E_URLS = JSON.stringify(stack.urls);
  if (stack.demo) process.env.E2E_DEMO = JSON.stringify(stack.demo);
  return stack;
}

export default async function globalSetup(_globalConfig, projectConfig) {
  await startE2eStack(projectConfig);
}
