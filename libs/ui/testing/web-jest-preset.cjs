/**
 * Jest settings shared by the web projects (libs/ui and the three apps): the workspace preset with
 * JSX, jsdom with Node's fetch, jest-dom matchers and a stub for CSS imports.
 */
const path = require('node:path');
const { preset } = require('../../../tools/jest/preset.cjs');

function webPreset({ displayName, rootDir }) {
  const base = preset({ jsx: true });
  return {
    ...base,
    displayName,
    rootDir,
    testEnvironment: path.join(__dirname, 'jsdom-environment.cjs'),
    testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
    setupFilesAfterEnv: [path.join(__dirname, 'jest-setup.ts')],
    // A page test renders, types and waits for a local fake server; on a loaded machine (CI runs
    // two projects at once) that can take longer than Jest's 5 s default without anything being wrong.
    testTimeout: 20_000,
    moduleNameMapper: {
      ...base.moduleNameMapper,
      '\\.css$': path.join(__dirname, 'style-stub.cjs'),
    },
  };
}

module.exports = { webPreset };
