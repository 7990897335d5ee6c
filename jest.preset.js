// Shared Jest settings for every workspace: TypeScript through SWC (type checking is `tsc -b`'s job),
// workspace packages mapped to their sources so tests never need a build first.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * @param {string} dir the workspace folder (__dirname of its jest.config.js)
 * @param {import('jest').Config & { datastores?: boolean }} [options]
 *   datastores: start one throwaway PostgreSQL and Redis for the run (or use DATABASE_URL / REDIS_URL)
 * @returns {import('jest').Config}
 */
function workspaceJestConfig(dir, options = {}) {
  const { datastores = false, ...extra } = options;
  const harness = path.join(__dirname, 'services/harness/src/jest');
  return {
    displayName: path.basename(dir),
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
    transform: { '^.+\\.(t|j)sx?$': swc },
    moduleNameMapper: {
      '^@eks-sre-lab/(kit|harness)$': path.join(__dirname, 'services/$1/src/index.ts'),
      '^@eks-sre-lab/(kit|harness)/(.*)$': path.join(__dirname, 'services/$1/src/$2'),
    },
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...(datastores
      ? { globalSetup: `${harness}/global-setup.ts`, globalTeardown: `${harness}/global-teardown.ts` }
      : {}),
    ...extra,
  };
}

module.exports = { workspaceJestConfig };
