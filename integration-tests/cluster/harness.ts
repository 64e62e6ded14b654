/**
 * A minimal HTTP server around the emulator, for tests and for running it alone:
 * `/api/kubernetes/...` (REST and WebSocket watch) and `/__emulator/...` (control API), on 127.0.0.1.
 * The user is taken from the `X-Remote-User` header or the `lsr-user` cookie (default `admin`).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';
import { EmulatorControl } from './control-client';

export const API_PREFIX = '/api/kubernetes';
export const CONTROL_PREFIX = '/__emulator';

export interface EmulatorServer {
  emulator: Emulator;
  server: http.Server;
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** baseUrl + /api/kubernetes */
  apiUrl: string;
  control: EmulatorControl;
  close(): Promise<void>;
}

export function userOf(req: http.IncomingMessage): string {
  const header = req.headers['x-remote-user'];
  if (typeof header === 'string' && header !== '') return header;
  const cookie = req.headers.cookie ?? '';
  const m = /(?:^|;\s*)lsr-user=([^;]+)/.exec(cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : 'admin';
}

export async function startEmulatorServer(
  opts: EmulatorOptions = {},
  port = 0,
): Promise<EmulatorServer> {
  const emulator = createEmulator(opts);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (
      url === API_PREFIX ||
      url.startsWith(`${API_PREFIX}/`) ||
      url.startsWith(`${API_PREFIX}?`)
    ) {
      emulator.handle(req, res, { user: userOf(req), path: url.slice(API_PREFIX.length) || '/' });
    } else if (url.startsWith(CONTROL_PREFIX)) {
      emulator.handleControl(req, res, url.slice(CONTROL_PREFIX.length) || '/');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('upgrade', (req, socket, head) => {
    const url = req.url ?? '/';
    if (url.startsWith(`${API_PREFIX}/`)) {
      emulator.handleUpgrade(req, socket, head, {
        user: userOf(req),
        path: url.slice(API_PREFIX.length),
      });
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${actual}`;
  return {
    emulator,
    server,
    baseUrl,
    apiUrl: `${baseUrl}${API_PREFIX}`,
    control: new EmulatorControl(`${baseUrl}${CONTROL_PREFIX}`),
    close: async () => {
      emulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 9100);
  void startEmulatorServer({}, port).then((s) => {
    process.stdout.write(
      `Kubernetes API emulator on ${s.apiUrl} (control: ${s.baseUrl}${CONTROL_PREFIX})\n`,
    );
  });
}
