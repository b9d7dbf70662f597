module.exports = { ...require('../../../jest.preset.js'), displayName: 'domain-facts', rootDir: __dirname };
