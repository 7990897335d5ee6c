// One Jest run over every workspace, so `npm test` prints a single summary.
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/generator/jest.config.js',
    '<rootDir>/bench/jest.config.js',
    '<rootDir>/lab/jest.config.js',
  ],
};
