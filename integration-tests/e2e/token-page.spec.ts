import {
  DataTest,
  REPORTER_NS,
  TOKEN_PAGE,
  TOKEN_SECRET,
  expect,
  expectNoToken,
  openTokenPage,
  test,
} from './fixtures';

const OTHER_NS = 'ibm-licensing';
const OTHER_CR = 'ibm-lsr-instance';
const OTHER_SECRET = 'my-lsr-token';

test.describe('token page', () => {
  test('opens from the navigation, under Administration', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Global' });
    await nav.getByRole('link', { name: 'License Service Reporter token' }).click();
    await expect(page).toHaveURL(new RegExp(`${TOKEN_PAGE}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'License Service Reporter API token' }),
    ).toBeVisible();
    await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
    await expect(page).toHaveTitle(/License Service Reporter API token/);
  });

  test('masks the token, keeps it out of the DOM, reveals and hides it', async ({
    page,
    tokenOf,
  }) => {
    const token = await tokenOf();
    await openTokenPage(page);
    const value = page.getByTestId(DataTest.tokenValue);
    await expect(value).toBeVisible();
    await expect(page.getByTestId(DataTest.revealToggle)).toHaveText('Reveal token');
    expectNoToken(await page.content(), token, 'the DOM while masked');

    await page.getByTestId(DataTest.revealToggle).click();
    await expect(value).toHaveText(token);
    await expect(page.getByTestId(DataTest.revealToggle)).toHaveText('Hide token');

    await page.getByTestId(DataTest.revealToggle).click();
    await expect(value).not.toHaveText(token);
    expectNoToken(await page.content(), token, 'the DOM after hiding');
  });

  test('copy puts exactly the token on the clipboard, masked or not', async ({
    page,
    context,
    baseURL,
    tokenOf,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const token = await tokenOf();
    await openTokenPage(page);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.getByTestId(DataTest.copyToken).click();
    await expect(page.getByTestId(DataTest.copyStatus).first()).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expectNoToken(await page.content(), token, 'the DOM after copying');
  });

  test('CLI commands carry the real namespace and Secret name', async ({ page }) => {
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.cliLinux)).toContainText(
      `oc get secret ${TOKEN_SECRET} -o jsonpath={.data.token} -n ${REPORTER_NS} | base64 -d`,
    );
    await expect(page.getByTestId(DataTest.cliMacos)).toContainText(
      `-n ${REPORTER_NS} | base64 -D`,
    );
    await expect(page.getByTestId(DataTest.cliWindows)).toContainText(`-n ${REPORTER_NS}`);
    await expect(page.getByTestId(DataTest.cliPowershell)).toContainText(`-n '${REPORTER_NS}'`);
  });

  test('the Secret link opens the console Secret page', async ({ page }) => {
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.reporterLink)).toHaveAttribute(
      'href',
      `/k8s/ns/${REPORTER_NS}/operator.ibm.com~v1alpha1~IBMLicenseServiceReporter/instance`,
    );
    await page.getByTestId(DataTest.secretLink).click();
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${REPORTER_NS}/secrets/${TOKEN_SECRET}$`));
    await expect(page.getByRole('heading', { level: 1, name: TOKEN_SECRET })).toBeVisible();
  });
});

test.describe('several Reporters', () => {
  test.use({ fixture: 'two-reporters' });

  test('can be switched, the choice kept in the URL (?ns=&name=)', async ({ page, tokenOf }) => {
    const other = await tokenOf(OTHER_NS, OTHER_SECRET);
    await openTokenPage(page);
    const select = page.getByTestId(DataTest.instanceSelect);
    await expect(select.locator('option')).toHaveCount(2);
    await select.selectOption({ label: `${OTHER_CR} in namespace ${OTHER_NS}` });
    await expect(page).toHaveURL(new RegExp(`[?&]ns=${OTHER_NS}(&|$)`));
    await expect(page).toHaveURL(new RegExp(`[?&]name=${OTHER_CR}(&|$)`));
    await expect(page.getByTestId(DataTest.cliLinux)).toContainText(
      `oc get secret ${OTHER_SECRET} -o jsonpath={.data.token} -n ${OTHER_NS}`,
    );
    await page.getByTestId(DataTest.revealToggle).click();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(other);
  });

  test('an address naming an instance opens on it', async ({ page, tokenOf }) => {
    const other = await tokenOf(OTHER_NS, OTHER_SECRET);
    await openTokenPage(page, `?ns=${OTHER_NS}&name=${OTHER_CR}`);
    await expect(page.getByTestId(DataTest.instanceSelect)).toHaveValue(/ibm-licensing/);
    await page.getByTestId(DataTest.revealToggle).click();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(other);
  });
});

test.describe('License Service in another namespace', () => {
  test.use({ fixture: 'other-namespace' });

  test('CLI commands follow the chosen Reporter', async ({ page }) => {
    await openTokenPage(page, `?ns=${OTHER_NS}&name=${OTHER_CR}`);
    await expect(page.getByTestId(DataTest.cliLinux)).toContainText(
      `oc get secret ${OTHER_SECRET} -o jsonpath={.data.token} -n ${OTHER_NS} | base64 -d`,
    );
  });
});

test.describe('no Reporter installed', () => {
  test.use({ fixture: 'no-reporter' });

  test('shows the empty state and hides the navigation item', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Global' });
    await expect(nav.getByRole('link', { name: 'Secrets' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'License Service Reporter token' })).toHaveCount(0);
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.noReporter)).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'No License Service Reporter found' }),
    ).toBeVisible();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveCount(0);
  });
});

test.describe('users', () => {
  test('a read-only user sees Rotate disabled, with the reason', async ({ page, loginAs }) => {
    await loginAs('viewer');
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
    const rotate = page.getByTestId(DataTest.rotateButton);
    await expect(rotate).toHaveAttribute('aria-disabled', 'true');
    await expect(rotate).toHaveAccessibleDescription(
      `You may not rotate this token: patching Secret ${TOKEN_SECRET} in namespace ${REPORTER_NS} is not allowed for your user.`,
    );
    await rotate.click({ force: true });
    await expect(page.getByTestId(DataTest.rotationSection)).toHaveCount(0);
  });

  test('an outsider sees the forbidden message and can name a namespace, which is refused too', async ({
    page,
    loginAs,
  }) => {
    await loginAs('outsider');
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.forbidden)).toBeVisible();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveCount(0);
    await page.getByTestId(DataTest.namespaceInput).fill(REPORTER_NS);
    await page.getByTestId(DataTest.namespaceSubmit).click();
    await expect(page).toHaveURL(new RegExp(`[?&]ns=${REPORTER_NS}`));
    await expect(page.getByTestId(DataTest.namespaceForbidden)).toBeVisible();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveCount(0);
  });

  test('a namespace-scoped user finds the Reporter by naming its namespace', async ({
    page,
    loginAs,
    tokenOf,
  }) => {
    const token = await tokenOf();
    await loginAs('rotator-ns');
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.forbidden)).toBeVisible();
    await page.getByTestId(DataTest.namespaceInput).fill(REPORTER_NS);
    await page.getByTestId(DataTest.namespaceSubmit).click();
    await page.getByTestId(DataTest.revealToggle).click();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(token);
  });

  test('the masthead user switch changes the user', async ({ page }) => {
    await openTokenPage(page);
    await page.getByRole('combobox', { name: 'User' }).selectOption('outsider');
    await expect(page.getByTestId(DataTest.forbidden)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue('outsider');
  });
});

test.describe('Secret details page', () => {
  test('its action opens the token page on that instance', async ({ page }) => {
    await page.goto(`/k8s/ns/${REPORTER_NS}/secrets/${TOKEN_SECRET}`);
    await expect(page.getByRole('heading', { level: 1, name: TOKEN_SECRET })).toBeVisible();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: /View License Service Reporter API token/ }).click();
    await expect(page).toHaveURL(new RegExp(`${TOKEN_PAGE}\\?ns=${REPORTER_NS}&name=instance$`));
    await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
  });

  test('another Secret gets no such action', async ({ page }) => {
    await page.goto(`/k8s/ns/${REPORTER_NS}/secrets`);
    const other = page
      .getByRole('row')
      .filter({ hasNotText: TOKEN_SECRET })
      .getByRole('link')
      .first();
    await other.click();
    await expect(page).toHaveURL(/\/k8s\/ns\/ibm-ls-reporter\/secrets\/.+/);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(TOKEN_SECRET);
    await expect(page.getByRole('button', { name: 'Actions' })).toBeDisabled();
  });
});
