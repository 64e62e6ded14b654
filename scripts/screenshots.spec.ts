import * as fs from 'fs';
import * as path from 'path';
import type { Page } from '@playwright/test';
import { DataTest, expect, openTokenPage, test } from '../integration-tests/e2e/fixtures';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');
/** PNGs stay small enough to commit. */
const MAX_BYTES = 150 * 1024;
const NEW_TOKEN = 'Rotated0Token1For2Screenshots34';

test.use({ viewport: { width: 1240, height: 760 } });

const shoot = async (page: Page, name: string) => {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  // Let transitions and focus rings settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  const size = fs.statSync(file).size;
  expect(size, `${file} is ${String(size)} bytes`).toBeLessThan(MAX_BYTES);
};

for (const theme of ['light', 'dark'] as const) {
  test(`token page, review dialog and finished rotation (${theme})`, async ({ page }) => {
    await openTokenPage(page, `?theme=${theme}`);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /pf-v6-theme-dark/ : /.*/);
    await expect(page.getByTestId(DataTest.cliLinux)).toBeVisible();
    await shoot(page, `token-page-${theme}`);

    await page.getByTestId(DataTest.rotateButton).click();
    await expect(page.getByTestId(DataTest.rotationLoading)).toHaveCount(0);
    await page.getByTestId(DataTest.rotationTokenInput).fill(NEW_TOKEN);
    await page.getByTestId(DataTest.rotationReview).click();
    await expect(page.getByTestId(DataTest.rotationConfirm)).toBeEnabled();
    await shoot(page, `review-dialog-${theme}`);

    await page.getByTestId(DataTest.rotationConfirm).click();
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText(
      'The token was rotated',
      {
        timeout: 30_000,
      },
    );
    await page.getByTestId(DataTest.rotationSection).scrollIntoViewIfNeeded();
    await shoot(page, `rotation-done-${theme}`);
  });
}
