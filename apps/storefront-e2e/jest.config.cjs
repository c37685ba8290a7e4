const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'storefront-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  // The demo county and the market's demo products: buyers need something to buy.
  globalSetup: `${root}/tools/e2e/global-setup-with-demo.mjs`,
  globalTeardown: `${root}/tools/e2e/global-teardown.mjs`,
  testTimeout: 120000,
};
