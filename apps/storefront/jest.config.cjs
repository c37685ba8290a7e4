const { webPreset } = require('../../libs/ui/testing/web-jest-preset.cjs');

module.exports = webPreset({ displayName: 'storefront', rootDir: __dirname });
