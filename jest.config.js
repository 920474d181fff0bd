/** @type {import('jest').Config} */
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  '^@peixun/(core|org|policy|planning)$': '<rootDir>/libs/$1/src',
  '^@peixun/(core|org|policy|planning)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

module.exports = {
  // The end-to-end files share one database and one queue prefix: run files one at a time.
  maxWorkers: 1,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
