// Jest globalTeardown for the browser tests: stops what global-setup.mjs started.
export default async function globalTeardown() {
  await globalThis.__E2E_STACK__?.stop();
  delete globalThis.__E2E_STACK__;
}
