const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'messaging',
  rootDir: __dirname,
  // Integration suites live in test/: they start the dev broker, a tool this library may not import.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: `${root}/tools/jest/postgres-global-setup.ts`,
  globalTeardown: `${root}/tools/jest/postgres-global-teardown.ts`,
  testTimeout: 60000,
};
