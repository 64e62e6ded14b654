import type * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { startPluginServer } from '../chart/nginx-server';
import type { PluginServer } from '../chart/nginx-server';
import { createEmulator } from '../cluster';
import { EmulatorControl } from '../cluster/control-client';
import { createStandInServer } from '../server/app';
import { DataTest, TOKEN_PAGE, expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');

/**
 * The plugin as deployed: the chart's nginx configuration serving the build over HTTPS, with a
 * second stand-in console proxying /api/plugins/lsr-token-plugin/ to it (PLUGIN_ORIGIN).
 */
test.describe('plugin served by the chart nginx', () => {
  let nginx: PluginServer | undefined;
  let standIn: http.Server | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    nginx = await startPluginServer({
      distDir: path.resolve(root, process.env.PLUGIN_DIST ?? 'dist'),
    });
    const server = createStandInServer({
      emulator: createEmulator({ fixture: 'default', podReadyDelayMs: 300 }),
      consoleDist: path.join(root, 'integration-tests', '.tmp', 'console-dist'),
      pluginDist: path.join(root, 'integration-tests', '.tmp', 'no-local-plugin'),
      pluginOrigin: nginx.url,
      pluginName: 'lsr-token-plugin',
      fixture: 'default',
      fixtures: ['default'],
    });
    standIn = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });

  test.afterAll(async () => {
    const server = standIn;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    }
    await nginx?.stop();
  });

  test('loads and works through the proxy, with nginx headers', async ({ page }) => {
    const pluginResponses: { url: string; server: string; type: string; cache: string }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/plugins/lsr-token-plugin/')) {
        const h = r.headers();
        pluginResponses.push({
          url: r.url(),
          server: h.server ?? '',
          type: h['content-type'] ?? '',
          cache: h['cache-control'] ?? '',
        });
      }
    });
    await page.goto(`${origin}${TOKEN_PAGE}`);
    await expect(page.getByTestId(DataTest.page)).toBeVisible();
    await page.getByTestId(DataTest.revealToggle).click();
    const control = new EmulatorControl(`${origin}/__emulator`);
    const secret = await control.getObject(
      '/api/v1/namespaces/ibm-ls-reporter/secrets/ibm-license-service-reporter-token',
    );
    const data = (secret?.data ?? {}) as Record<string, string>;
    const token = Buffer.from(data.token ?? '', 'base64').toString('utf8');
    expect(token.length).toBeGreaterThan(0);
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(token);

    expect(pluginResponses.length).toBeGreaterThan(1);
    expect(pluginResponses.every((r) => r.server.startsWith('nginx'))).toBe(true);
    const manifest = pluginResponses.find((r) => r.url.includes('plugin-manifest.json'));
    expect(manifest?.type).toMatch(/^application\/json/);
    expect(manifest?.cache).toMatch(/no-cache|no-store/);
    for (const js of pluginResponses.filter((r) => /\.js(\?|$)/.test(r.url))) {
      expect(js.type, js.url).toMatch(/^(application|text)\/javascript/);
    }
  });
});
