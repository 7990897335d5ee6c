const { workspaceJestConfig } = require('../jest.preset');

// The gate builds every kustomization with kubectl (memoised by the first test that needs it); on the shared
// 2-core machine that takes longer than Jest's 5 s default.
module.exports = workspaceJestConfig(__dirname, { testTimeout: 60_000 });
