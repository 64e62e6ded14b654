import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DataTest, expect, openTokenPage, test } from './fixtures';

/** The masthead's theme switch (its input is visually hidden: click its label). */
const setDark = async (page: Page, dark: boolean) => {
  const toggle = page.getByRole('switch', { name: 'Dark theme' });
  if ((await toggle.isChecked()) !== dark) {
    await page.getByText('Dark', { exact: true }).click();
  }
  await expect(toggle).toBeChecked({ checked: dark });
};

const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .include('#content')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
};

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
