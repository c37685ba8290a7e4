const { preset, root } = require('../../tools/jest/preset.cjs');

// The stack started by globalSetup reads process.env: settings that make long waits (public notice
// windows) short enough for a browser test. One line per service.
Object.assign(process.env, {
  // ledger: an award sheet's default public notice (公示) lasts 60 s instead of 7 days.
  LEDGER_NOTICE_WINDOW_SECONDS: '60',
  // dividends: a notice day lasts 6 s, so the 10-day minimum notice (公示) is 60 s.
  DIVIDENDS_NOTICE_DAY_SECONDS: '6',
});

module.exports = {
  ...preset(),
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: `${root}/tools/e2e/global-setup-with-demo.mjs`,
  globalTeardown: `${root}/tools/e2e/global-teardown.mjs`,
  testTimeout: 120000,
};
