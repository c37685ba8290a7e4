const { webPreset } = require('./testing/web-jest-preset.cjs');

module.exports = webPreset({ displayName: 'ui', rootDir: __dirname });
