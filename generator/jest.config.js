const { workspaceJestConfig } = require('../jest.preset');

// The gate builds every kustomization with kubectl (memoised by the first test that needs it); on the shared
// 2-core machine that takes longer than Jest's 5 s default. testTimeout is a global-only option under the
// root `projects` run, so the timeout is set per project in a setup file.
module.exports = workspaceJestConfig(__dirname, { setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.ts'] });
