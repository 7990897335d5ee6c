const { workspaceJestConfig } = require('../../jest.preset');

module.exports = workspaceJestConfig(__dirname, { datastores: true });
