// One Jest run for the whole repo: fast unit specs next to the code, and integration specs that get
// real Kafka, PostgreSQL and SMTP from one global setup (started once, shared by every file).
const { moduleNameMapper, transform, transformIgnorePatterns } = require('./jest.preset');

const common = {
  rootDir: __dirname,
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/.local/', '<rootDir>/dist/'],
};

module.exports = {
  // Integration tests wait for real brokers and databases; unit tests never come near this.
  testTimeout: 180_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{libs,services}/*/src/**/*.spec.ts',
        '<rootDir>/infra/test/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/*/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.mjs',
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/chaos/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.mjs',
      slowTestThreshold: 60,
    },
  ],
};
