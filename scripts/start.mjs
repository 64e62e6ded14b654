#!/usr/bin/env node
// `npm start`: builds the plugin in watch mode (development) and the stand-in console, then serves
// both on http://127.0.0.1:$PORT (default 9000) with the emulated cluster (FIXTURE, default "default").
// Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.PORT ?? '9000';
const manifest = path.join(root, 'dist', 'plugin-manifest.json');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = new Set();
let stopping = false;

const run = (cmd, args, env = {}) => {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${path.basename(cmd)} ${args[0] ?? ''} exited (${signal ?? code}); stopping.`);
      stop(code || 1);
    }
  });
  return child;
};

const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

const once = (cmd, args, env = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code})`));
    });
  });

const waitForBuild = async (since) => {
  for (;;) {
    try {
      if (fs.statSync(manifest).mtimeMs >= since) return;
    } catch {
      // not built yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
};

const waitForServer = async (url) => {
  for (;;) {
    if (stopping) return;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
};

const main = async () => {
  const started = Date.now();
  console.log('Building the stand-in console...');
  await once(bin('webpack'), ['--config', 'integration-tests/console/webpack.config.ts']);
  if (stopping) return;
  console.log('Building the plugin (watch mode)...');
  run(bin('webpack'), ['--watch'], { NODE_ENV: 'development' });
  await waitForBuild(started);
  if (stopping) return;
  run(bin('tsx'), ['integration-tests/server.ts'], { PORT: port });
  await waitForServer(`http://127.0.0.1:${port}/__emulator/state`);
  if (stopping) return;
  console.log(
    `\n  Open http://127.0.0.1:${port}/license-service-reporter/api-token` +
      '\n  (the plugin rebuilds on save: reload the page; Ctrl+C stops)\n',
  );
};

main().catch((e) => {
  console.error(e.message);
  stop(1);
});
