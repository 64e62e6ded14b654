import type { Page } from '@playwright/test';
import {
  DataTest,
  REPORTER_NS,
  TOKEN_SECRET,
  expect,
  expectNoToken,
  openTokenPage,
  test,
} from './fixtures';

const storageOf = (page: Page) =>
  page.evaluate(() => {
    const dump = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => {
        const key = s.key(i) ?? '';
        return `${key}=${s.getItem(key) ?? ''}`;
      }).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}`;
  });

test('the token never reaches a URL, web storage, the console or the masked DOM', async ({
  page,
  context,
  baseURL,
  tokenOf,
  leaks,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const token = await tokenOf();

  await openTokenPage(page);
  await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
  expectNoToken(await page.content(), token, 'the DOM while masked');

  // Reveal, copy, hide: the token is in the DOM only while revealed.
  await page.getByTestId(DataTest.revealToggle).click();
  await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(token);
  await page.getByTestId(DataTest.copyToken).click();
  await expect(page.getByTestId(DataTest.copyStatus).first()).toHaveText('Copied');
  for (const testId of [DataTest.apiUrl, DataTest.cliLinux]) {
    await page.getByTestId(testId).getByRole('button').first().click();
  }
  await page.getByTestId(DataTest.revealToggle).click();
  await expect(page.getByTestId(DataTest.tokenValue)).not.toHaveText(token);
  expectNoToken(await page.content(), token, 'the DOM after hiding');

  // Round trip through the console's Secret page and its action.
  await page.getByTestId(DataTest.secretLink).click();
  await expect(page.getByRole('heading', { level: 1, name: TOKEN_SECRET })).toBeVisible();
  expectNoToken(await page.content(), token, 'the Secret page');
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: /View License Service Reporter API token/ }).click();
  await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
  expectNoToken(await page.content(), token, 'the DOM back on the page');
  await page.reload();
  await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();

  expectNoToken(await storageOf(page), token, 'localStorage/sessionStorage');
  expectNoToken(page.url(), token, 'the page URL');
  expect(leaks.urls.length).toBeGreaterThan(5);
  expect(leaks.urls.some((u) => u.startsWith('ws://'))).toBe(true);
  expectNoToken(leaks.urls.join('\n'), token, 'a requested URL');
  expect(leaks.consoleMessages.length).toBeGreaterThan(0);
  expectNoToken(leaks.consoleMessages.join('\n'), token, 'a console message');
  const entries: number = await page.evaluate(() => window.history.length);
  expect(entries).toBeGreaterThan(1);
  expect(new URL(page.url()).searchParams.get('ns')).toBe(REPORTER_NS);
});
