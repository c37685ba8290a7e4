const { webPreset } = require('../../libs/ui/testing/web-jest-preset.cjs');

// Whole-app tests walk several pages over real HTTP; on the shared 2-core machine 5 s is too tight.
module.exports = { ...webPreset({ displayName: 'storefront', rootDir: __dirname }), testTimeout: 30000 };
