module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain-risk',
  rootDir: __dirname,
};
