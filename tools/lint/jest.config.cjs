const { preset } = require('../jest/preset.cjs');

module.exports = {
  ...preset(),
  displayName: 'workspace-rules',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testTimeout: 120000,
};
