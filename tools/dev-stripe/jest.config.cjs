const { preset } = require('../jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'dev-stripe',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.{js,ts}'],
  testTimeout: 30000,
};
