import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../bench/stand-in';

/**
 * `npm run test:budget`: the performance budgets (integration-tests/bench/budgets.ts) asserted on
 * the production build in the stand-in console. The global setup builds into
 * integration-tests/.tmp/bench/ (BENCH_SKIP_BUILD=1 reuses the last build); each test file starts
 * its own stand-in server, so nothing here depends on dist/ or on another server.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.pw.ts',
  outputDir: '../../test-results/budget',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
