import { expect, test as base } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import { EmulatorControl } from '../cluster/control-client';
import type { FixtureName } from '../cluster/control-client';
import { DataTest } from '../../src/data-test';

export { expect, DataTest };

export const TOKEN_PAGE = '/license-service-reporter/api-token';
export const REPORTER_NS = 'ibm-ls-reporter';
export const TOKEN_SECRET = 'ibm-license-service-reporter-token';

export const secretPath = (ns: string, name: string) => `/api/v1/namespaces/${ns}/secrets/${name}`;

type SecretObject = { data?: Record<string, string>; metadata: { resourceVersion?: string } };

export type Leaks = {
  /** Console messages of every page of the test, as text. */
  consoleMessages: string[];
  /** Every URL requested, navigated to or opened as a WebSocket. */
  urls: string[];
};

type Fixtures = {
  emulator: EmulatorControl;
  /** Resets the emulated cluster (default fixture unless a test asks for another). */
  fixture: FixtureName;
  /** Reads a token from the emulator's store (bypassing RBAC). */
  tokenOf: (ns?: string, name?: string) => Promise<string>;
  /** Switches the demo user (the stand-in's `lsr-user` cookie). */
  loginAs: (user: string) => Promise<void>;
  leaks: Leaks;
};

export const test = base.extend<Fixtures>({
  fixture: ['default', { option: true }],
  // Automatic: every test starts from a freshly reset cluster.
  emulator: [
    async ({ baseURL, fixture }, use) => {
      const emulator = new EmulatorControl(`${baseURL ?? ''}/__emulator`);
      await emulator.reset(fixture, { podReadyDelayMs: 300 });
      await emulator.clearFaults();
      await emulator.clearNeverReady();
      await use(emulator);
    },
    { auto: true },
  ],
  tokenOf: async ({ emulator }, use) => {
    await use(async (ns = REPORTER_NS, name = TOKEN_SECRET) => {
      const secret = await emulator.getObject<SecretObject & { metadata: { name?: string } }>(
        secretPath(ns, name),
      );
      const b64 = secret?.data?.token;
      if (!b64) {
        throw new Error(`No token in ${ns}/${name}`);
      }
      return Buffer.from(b64, 'base64').toString('utf8');
    });
  },
  loginAs: async ({ context, baseURL }, use) => {
    await use(async (user) => {
      await context.addCookies([{ name: 'lsr-user', value: user, url: baseURL ?? '' }]);
    });
  },
  leaks: async ({ context }, use) => {
    const leaks: Leaks = { consoleMessages: [], urls: [] };
    const watch = (page: Page) => {
      page.on('console', (m: ConsoleMessage) => leaks.consoleMessages.push(m.text()));
      page.on('pageerror', (e) => leaks.consoleMessages.push(String(e)));
      page.on('request', (r) => leaks.urls.push(r.url()));
      page.on('websocket', (ws) => leaks.urls.push(ws.url()));
      page.on('framenavigated', (f) => leaks.urls.push(f.url()));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(leaks);
  },
});

/** The forms a token could leak in: raw, base64 (as in the Secret) and URL-encoded. */
export const tokenForms = (token: string): string[] => [
  token,
  Buffer.from(token, 'utf8').toString('base64'),
  encodeURIComponent(token),
];

export const expectNoToken = (haystack: string, token: string, where: string) => {
  for (const form of tokenForms(token)) {
    expect(
      haystack.includes(form),
      `${where} contains the token (${form === token ? 'raw' : 'encoded'})`,
    ).toBe(false);
  }
};

/** Opens the token page (optionally on one instance) and waits for the page container. */
export const openTokenPage = async (page: Page, query = '') => {
  await page.goto(`${TOKEN_PAGE}${query}`);
  await expect(page.getByTestId(DataTest.page)).toBeVisible();
};
