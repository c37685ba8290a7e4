/**
 * Jest settings every project shares. Projects spread this and add their own roots,
 * environments and global setup. Path aliases come from tsconfig.base.json so that tests
 * import libraries exactly as the code does.
 */
const path = require('node:path');
const swcOptions = require('./swc.cjs');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(root, target);
}

function preset({ jsx = false } = {}) {
  return {
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcOptions({ jsx }), swcrc: false }] },
    moduleNameMapper,
    // jose (used by libs/auth) ships ES modules only; let SWC turn it into CommonJS like our sources.
    transformIgnorePatterns: ['/node_modules/(?!jose/)', '\\.pnp\\.[^\\/]+$'],
    testEnvironment: 'node',
    clearMocks: true,
  };
}

module.exports = { preset, root };
