// Cross-service tests: real broker, real store, real processes. One file at a time (the Nx
// target runs in band): they share the project's topics and this machine's two cores.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'system-tests',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/bench/'],
};
