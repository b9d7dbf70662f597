module.exports = { ...require('../../../jest.preset.js'), displayName: 'notification', rootDir: __dirname };
