module.exports = { ...require('../../jest.preset.js'), displayName: 'ingestion-service', rootDir: __dirname };
