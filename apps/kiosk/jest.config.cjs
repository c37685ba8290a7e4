const { webPreset } = require('../../libs/ui/testing/web-jest-preset.cjs');

module.exports = {
  ...webPreset({ displayName: 'kiosk', rootDir: __dirname }),
  // Whole visits (card, PIN, shop, receipt) over real loopback HTTP: slow on a busy CI machine.
  testTimeout: 60000,
};
