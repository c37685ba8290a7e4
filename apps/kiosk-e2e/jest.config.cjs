const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'kiosk-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  // The demo county: kiosks with device credentials, sample cards with PINs, stocked stores and points.
  globalSetup: `${root}/tools/e2e/global-setup-with-demo.mjs`,
  globalTeardown: `${root}/tools/e2e/global-teardown.mjs`,
  testTimeout: 90000,
};
