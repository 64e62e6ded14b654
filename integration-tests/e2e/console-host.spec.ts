import type { Page } from '@playwright/test';
import {
  DataTest,
  REPORTER_NS,
  TOKEN_SECRET,
  expect,
  openTokenPage,
  secretPath,
  test,
} from './fixtures';

type Scope = Record<string, Record<string, { from: string; eager: boolean; loaded?: number }>>;

/** Shared modules the plugin took, with the container that provided them. */
const consumed = (page: Page) =>
  page.evaluate(() => {
    const scope = (window as unknown as { __consoleShareScope: Scope }).__consoleShareScope;
    return Object.entries(scope).flatMap(([name, versions]) =>
      Object.entries(versions)
        .filter(([, e]) => e.loaded)
        .map(([version, e]) => ({ name, version, from: e.from })),
    );
  });

const pluginFiles = (page: Page) => {
  const files: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/plugins/lsr-token-plugin/') && u.pathname.endsWith('.js')) {
      files.push(u.pathname);
    }
  });
  return files;
};

test.describe('stand-in console host', () => {
  test("the plugin runs on the console's PatternFly and singletons", async ({ page }) => {
    const files = pluginFiles(page);
    await openTokenPage(page);
    await expect(page.getByTestId(DataTest.tokenValue)).toBeVisible();
    const modules = await consumed(page);
    const patternfly = modules.filter((m) => m.name.startsWith('@patternfly/'));
    expect(patternfly.length).toBeGreaterThan(0);
    expect(patternfly.filter((m) => m.from !== 'openshift-console')).toEqual([]);
    for (const singleton of ['react', 'react-i18next', '@openshift-console/dynamic-plugin-sdk']) {
      expect(modules.find((m) => m.name === singleton)?.from).toBe('openshift-console');
    }
    // Entry, the exposed page and its own code: no PatternFly or React copy of its own.
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(6);
  });

  test('with ?pf=none the plugin falls back to its own PatternFly and still works', async ({
    page,
    tokenOf,
  }) => {
    const files = pluginFiles(page);
    await openTokenPage(page, '?pf=none');
    await page.getByTestId(DataTest.revealToggle).click();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(await tokenOf());
    const patternfly = (await consumed(page)).filter((m) => m.name.startsWith('@patternfly/'));
    expect(patternfly.length).toBeGreaterThan(0);
    expect(patternfly.filter((m) => m.from !== 'lsr-token-plugin')).toEqual([]);
    expect(files.length).toBeGreaterThan(6);
  });

  test('serves the plugin with the MIME types and cache headers the console needs', async ({
    request,
  }) => {
    const manifest = await request.get('/api/plugins/lsr-token-plugin/plugin-manifest.json');
    expect(manifest.headers()['content-type']).toMatch(/^application\/json/);
    expect(manifest.headers()['cache-control']).toBe('no-cache');
    const { loadScripts, baseURL } = (await manifest.json()) as {
      loadScripts: string[];
      baseURL: string;
    };
    expect(baseURL).toBe('/api/plugins/lsr-token-plugin/');
    const entry = await request.get(`${baseURL}${loadScripts[0] ?? ''}`);
    expect(entry.ok()).toBe(true);
    expect(entry.headers()['content-type']).toMatch(/^application\/javascript/);
    expect(entry.headers()['cache-control']).toBe('no-cache');
    expect(entry.headers()['x-content-type-options']).toBe('nosniff');
    const locales = await request.get('/locales/resource.json?lng=en&ns=plugin__lsr-token-plugin');
    expect(await locales.json()).toHaveProperty(['License Service Reporter API token']);
  });

  test('refuses a write without the CSRF token', async ({ request }) => {
    const r = await request.patch(`/api/kubernetes${secretPath(REPORTER_NS, TOKEN_SECRET)}`, {
      headers: { 'Content-Type': 'application/json-patch+json' },
      data: [{ op: 'add', path: '/metadata/labels/x', value: 'y' }],
    });
    expect(r.status()).toBe(403);
  });

  test('the page follows a Secret changed elsewhere, also after its watch drops', async ({
    page,
    emulator,
  }) => {
    test.setTimeout(90_000);
    await openTokenPage(page);
    await page.getByTestId(DataTest.revealToggle).click();
    const path = secretPath(REPORTER_NS, TOKEN_SECRET);
    const setToken = async (token: string) => {
      const secret = await emulator.getObject(path);
      if (!secret) throw new Error(`no ${path}`);
      await emulator.putObject(path, {
        ...secret,
        data: {
          ...(secret.data as Record<string, string>),
          token: Buffer.from(token).toString('base64'),
        },
      });
    };
    await setToken('ChangedElsewhere0123456789');
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText('ChangedElsewhere0123456789');

    expect(await emulator.dropWatches({ resource: 'secrets' })).toBeGreaterThan(0);
    await setToken('ChangedAfterTheDrop0123456789');
    // Re-list after an abnormal close (15 s) or the 30 s re-poll of a named object.
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(
      'ChangedAfterTheDrop0123456789',
      {
        timeout: 45_000,
      },
    );
  });

  test('the fixture switch resets the cluster', async ({ page }) => {
    await openTokenPage(page);
    await page.getByRole('combobox', { name: 'Fixture' }).selectOption('no-reporter');
    await expect(page.getByTestId(DataTest.noReporter)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Fixture' })).toHaveValue('no-reporter');
  });
});

test.describe('stand-in console host on a large cluster', () => {
  test.use({ fixture: 'large' });

  test('lists page through the collection (limit=250 + continue) before watching', async ({
    page,
    emulator,
  }) => {
    await emulator.clearRequests();
    await page.goto('/k8s/all-namespaces/secrets');
    const rows = page.locator('table[aria-label="Secrets"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(1000);
    const lists = (await emulator.requests()).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/secrets?') && !r.watch,
    );
    expect(lists.length).toBeGreaterThan(4);
    expect(lists.every((r) => r.path.includes('limit=250'))).toBe(true);
    expect(lists.slice(1).every((r) => r.path.includes('continue='))).toBe(true);
    const watches = (await emulator.requests()).filter(
      (r) => r.watch && r.path.startsWith('/api/v1/secrets?'),
    );
    expect(watches.length).toBe(1);
    expect(watches[0]?.path).toMatch(/resourceVersion=\d+/);

    await page.getByRole('textbox', { name: 'Filter by name' }).fill('reporter-token');
    await expect.poll(() => rows.count()).toBeLessThan(200);
    expect(await rows.count()).toBeGreaterThan(0);
    for (const name of await rows.getByRole('link').allTextContents()) {
      expect(name).toContain('reporter-token');
    }
  });
});
