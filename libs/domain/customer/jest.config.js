module.exports = { ...require('../../../jest.preset.js'), displayName: 'domain-customer', rootDir: __dirname };
