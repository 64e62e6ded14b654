import { seriousViolations, setDark } from './axe';
import { DataTest, expect, openTokenPage, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the token page (${theme})`, async ({
    page,
  }) => {
    await openTokenPage(page);
    await setDark(page, theme === 'dark');
    await expect(page.locator('html')).toHaveClass(
      theme === 'dark' ? /pf-v6-theme-dark/ : /^(?!.*pf-v6-theme-dark).*$/,
    );
    await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
    await expect(page.getByTestId(DataTest.cliLinux)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId(DataTest.revealToggle).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the dark theme choice survives a reload', async ({ page }) => {
  await openTokenPage(page);
  await setDark(page, true);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
  await setDark(page, false);
  await expect(page.locator('html')).not.toHaveClass(/pf-v6-theme-dark/);
});
