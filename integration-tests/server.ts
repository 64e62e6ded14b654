/**
 * The stand-in console server: `tsx integration-tests/server.ts`.
 *
 * Env: PORT (9000), FIXTURE (default), POD_READY_DELAY_MS, PLUGIN_DIST (dist), PLUGIN_ORIGIN
 * (serve the plugin from another server instead, e.g. the chart's nginx over HTTPS with a
 * self-signed certificate: /api/plugins/lsr-token-plugin/<file> is proxied to <PLUGIN_ORIGIN>/<file>,
 * as the console's bridge does with a ConsolePlugin's service and basePath),
 * CONSOLE_DIST (integration-tests/.tmp/console-dist).
 */
import * as path from 'path';
import { FIXTURE_NAMES, createEmulator } from './cluster';
import type { FixtureName } from './cluster';
import { createStandInServer } from './server/app';

const FIXTURES: FixtureName[] = FIXTURE_NAMES;

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 9000);
const fixture = (process.env.FIXTURE ?? 'default') as FixtureName;
if (!FIXTURES.includes(fixture)) {
  throw new Error(`FIXTURE must be one of ${FIXTURES.join(', ')}`);
}
const podReadyDelayMs =
  process.env.POD_READY_DELAY_MS !== undefined ? Number(process.env.POD_READY_DELAY_MS) : undefined;

const emulator = createEmulator({
  fixture,
  ...(podReadyDelayMs !== undefined ? { podReadyDelayMs } : {}),
});
const server = createStandInServer({
  emulator,
  consoleDist:
    process.env.CONSOLE_DIST ?? path.join(root, 'integration-tests', '.tmp', 'console-dist'),
  pluginDist: process.env.PLUGIN_DIST ?? path.join(root, 'dist'),
  ...(process.env.PLUGIN_ORIGIN ? { pluginOrigin: process.env.PLUGIN_ORIGIN } : {}),
  pluginName: 'lsr-token-plugin',
  fixture,
  fixtures: FIXTURES,
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Stand-in console on http://127.0.0.1:${String(port)} (fixture ${fixture})`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
