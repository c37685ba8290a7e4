const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: `${root}/tools/e2e/global-setup-with-demo.mjs`,
  globalTeardown: `${root}/tools/e2e/global-teardown.mjs`,
  testTimeout: 60000,
};
