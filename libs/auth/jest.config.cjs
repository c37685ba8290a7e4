const { preset } = require('../../tools/jest/preset.cjs');

// Unit tests with real signed tokens and small in-process Nest apps; no database needed.
module.exports = {
  ...preset(),
  displayName: 'auth',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
