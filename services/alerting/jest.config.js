module.exports = { ...require('../../jest.preset.js'), displayName: 'alerting-service', rootDir: __dirname };
