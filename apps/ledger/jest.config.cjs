const { preset, root } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'ledger',
  rootDir: __dirname,
  // Suites in test/ start the dev Kafka broker, a tool the service's source may not import.
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
  ],
  globalSetup: `${root}/tools/jest/postgres-global-setup.ts`,
  globalTeardown: `${root}/tools/jest/postgres-global-teardown.ts`,
  testTimeout: 60000,
};
