const { webPreset } = require('../../libs/ui/testing/web-jest-preset.cjs');

module.exports = webPreset({ displayName: 'kiosk', rootDir: __dirname });
