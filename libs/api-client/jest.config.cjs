const { preset } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'api-client',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
