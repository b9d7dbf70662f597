module.exports = { ...require('../../jest.preset.js'), displayName: 'audit-api-service', rootDir: __dirname };
