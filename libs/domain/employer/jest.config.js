module.exports = { ...require('../../../jest.preset.js'), displayName: 'domain-employer', rootDir: __dirname };
