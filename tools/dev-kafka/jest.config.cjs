const { preset } = require('../jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'dev-kafka',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.{js,ts}'],
  testTimeout: 60000,
};
