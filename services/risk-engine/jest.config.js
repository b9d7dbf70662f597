module.exports = { ...require('../../jest.preset.js'), displayName: 'risk-engine-service', rootDir: __dirname };
