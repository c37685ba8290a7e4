const { preset } = require('../../tools/jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'money',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
