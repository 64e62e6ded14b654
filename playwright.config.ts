import { execFileSync } from 'child_process';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the stand-in console (integration-tests/server.ts) with Debian's Chromium.
 * `npm run test:e2e` builds the plugin and the host first. The server listens on a free port,
 * chosen once in the main process and handed to the workers through the environment.
 */
const freePort = (): string =>
  execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();

process.env.E2E_PORT ??= freePort();
const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'integration-tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    testIdAttribute: 'data-test',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: 'npx tsx integration-tests/server.ts',
    cwd: __dirname,
    url: `${baseURL}/__emulator/state`,
    env: {
      PORT: port,
      FIXTURE: 'default',
      POD_READY_DELAY_MS: '300',
      // Another plugin build (default dist/) or origin can be tested the same way.
      ...(process.env.PLUGIN_DIST ? { PLUGIN_DIST: process.env.PLUGIN_DIST } : {}),
      ...(process.env.PLUGIN_ORIGIN ? { PLUGIN_ORIGIN: process.env.PLUGIN_ORIGIN } : {}),
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
