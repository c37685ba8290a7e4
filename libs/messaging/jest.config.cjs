const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'messaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: `${root}/tools/jest/postgres-global-setup.ts`,
  globalTeardown: `${root}/tools/jest/postgres-global-teardown.ts`,
  testTimeout: 60000,
};
