import type { Config } from 'jest';

/**
 * The chart suite (npm run test:chart): real Helm, nginx, kubectl and shellcheck, run in a Node environment.
 * Its files are named *.test.ts so the unit test run (jest.config.ts, *.spec.ts) does not pick them up.
 */
const config: Config = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/integration-tests/chart'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }],
  },
};

export default config;
