const { preset } = require('../jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'dev-launcher',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  testTimeout: 180000,
};
