/**
 * `npm run screenshots`: docs/screenshots/*.png of the token page, the review dialog and a finished
 * rotation, in light and dark, taken in the stand-in console (same server as the browser tests).
 */
import { defineConfig } from '@playwright/test';
import e2e from '../playwright.config';

export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  outputDir: '../test-results/screenshots',
});
