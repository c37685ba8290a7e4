const { preset, root } = require('../../tools/jest/preset.cjs');

// The stack started by globalSetup reads process.env: settings that make long waits (public notice
// windows) short enough for a browser test. One line per service.
Object.assign(process.env, {});

module.exports = {
  ...preset(),
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: `${root}/tools/e2e/global-setup-with-demo.mjs`,
  globalTeardown: `${root}/tools/e2e/global-teardown.mjs`,
  testTimeout: 60000,
};
