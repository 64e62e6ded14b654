import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The masthead's theme switch (its input is visually hidden: click its label). */
export const setDark = async (page: Page, dark: boolean) => {
  const toggle = page.getByRole('switch', { name: 'Dark theme' });
  if ((await toggle.isChecked()) !== dark) {
    await page.getByText('Dark', { exact: true }).click();
  }
  await expect(toggle).toBeChecked({ checked: dark });
};

/**
 * Serious and critical axe violations (WCAG 2.1 A/AA and best practices) inside `include`
 * (the console's page content by default; a modal lives outside it, in its own portal).
 */
export const seriousViolations = async (page: Page, include: string | string[] = '#content') => {
  let builder = new AxeBuilder({ page });
  for (const selector of Array.isArray(include) ? include : [include]) {
    builder = builder.include(selector);
  }
  const results = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
};
