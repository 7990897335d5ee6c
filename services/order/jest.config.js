const { workspaceJestConfig } = require('../../jest.preset');

// Generous per-test bound: the outage tests wait on real Redis restarts, and the machine is shared.
module.exports = workspaceJestConfig(__dirname, { datastores: true, testTimeout: 30_000 });
