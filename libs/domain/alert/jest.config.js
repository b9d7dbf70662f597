module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-alert',
  rootDir: __dirname,
};
