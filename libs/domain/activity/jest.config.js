module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-activity',
  rootDir: __dirname,
};
