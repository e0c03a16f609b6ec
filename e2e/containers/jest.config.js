// The compose stack's suite: only `npm run test:containers` runs it, once the stack is up (it
// writes the file VOUCH_STACK_FILE names). Not a project of the root jest.config.js: `npm test`
// has no stack.
const { moduleNameMapper, transform, transformIgnorePatterns } = require('../../jest.preset');

module.exports = {
  rootDir: '../..',
  displayName: 'containers',
  testMatch: ['<rootDir>/e2e/containers/*.containers-spec.ts'],
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/.local/', '<rootDir>/dist/'],
  testTimeout: 600_000,
  slowTestThreshold: 120,
};
