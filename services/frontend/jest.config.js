// Component tests run in jsdom; fetch/Request/Response come from Node (see test/support/environment.js).
const { workspaceJestConfig } = require('../../jest.preset');

module.exports = workspaceJestConfig(__dirname, {
  testEnvironment: '<rootDir>/test/support/environment.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
});
