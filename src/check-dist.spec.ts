import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const locale = fs.readFileSync(path.join(root, 'locales/en/plugin__lsr-token-plugin.json'), 'utf8');

const KINDS = [
  { type: 'console.flag/model', properties: {} },
  { type: 'console.page/route', properties: { component: { $codeRef: 'TokenPage' } } },
  { type: 'console.navigation/href', properties: {} },
  {
    type: 'console.action/resource-provider',
    properties: { provider: { $codeRef: 'useTokenSecretActions' } },
  },
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A dist/ as the build makes it, with `change` applied. */
const makeDist = (
  change: (files: Record<string, string>, manifest: Record<string, unknown>) => void,
) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));
  made.push(dir);
  const manifest: Record<string, unknown> = {
    name: 'lsr-token-plugin',
    version: '0.1.0',
    dependencies: { '@console/pluginAPI': '>=4.22.0-0' },
    extensions: KINDS,
    registrationMethod: 'callback',
    baseURL: '/api/plugins/lsr-token-plugin/',
    loadScripts: ['plugin-entry.0123456789abcdef0123.min.js'],
  };
  const files: Record<string, string> = {
    'plugin-entry.0123456789abcdef0123.min.js': '/* entry */',
    'exposed-TokenPage-chunk.0a1b2c3d.min.js': '/* chunk */',
    'locales/en/plugin__lsr-token-plugin.json': locale,
  };
  change(files, manifest);
  files['plugin-manifest.json'] ??= JSON.stringify(manifest);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
};

const check = (dir: string) => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/check-dist.mjs'), dir], {
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

describe('scripts/check-dist.mjs', () => {
  it('accepts a well-formed dist', () => {
    const r = check(makeDist(() => undefined));
    expect(r.output).toContain('valid console plugin');
    expect(r.status).toBe(0);
  });

  it.each([
    [
      'a missing extension kind',
      (_f: Record<string, string>, m: Record<string, unknown>) => {
        m.extensions = KINDS.slice(0, 3);
      },
      'no "console.action/resource-provider" extension',
    ],
    [
      'another registration method',
      (_f: Record<string, string>, m: Record<string, unknown>) => {
        m.registrationMethod = 'custom';
      },
      'registrationMethod',
    ],
    [
      'no pluginAPI dependency',
      (_f: Record<string, string>, m: Record<string, unknown>) => {
        m.dependencies = {};
      },
      '@console/pluginAPI',
    ],
    [
      'an entry that is not there',
      (_f: Record<string, string>, m: Record<string, unknown>) => {
        m.loadScripts = ['plugin-entry.ffffffffffffffffffff.min.js'];
      },
      'is not in dist/',
    ],
    [
      'an unhashed chunk',
      (f: Record<string, string>) => {
        f['extra-chunk.js'] = '';
      },
      'extra-chunk.js has no content hash',
    ],
    [
      'a missing locale',
      (f: Record<string, string>) => {
        delete f['locales/en/plugin__lsr-token-plugin.json'];
      },
      'plugin__lsr-token-plugin.json is missing',
    ],
    [
      'a $codeRef to a module not exposed',
      (_f: Record<string, string>, m: Record<string, unknown>) => {
        m.extensions = [
          ...KINDS,
          { type: 'console.page/route', properties: { component: { $codeRef: 'Nope' } } },
        ];
      },
      'names module "Nope"',
    ],
  ])('fails on %s', (_what, change, message) => {
    const r = check(makeDist(change));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(message);
  });

  it('runs from a checkout whose path has a space', () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'check dist '));
    made.push(checkout);
    for (const file of [
      'scripts/check-dist.mjs',
      'package.json',
      'locales/en/plugin__lsr-token-plugin.json',
    ]) {
      fs.mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(checkout, file));
    }
    const r = spawnSync(
      process.execPath,
      [path.join(checkout, 'scripts/check-dist.mjs'), makeDist(() => undefined)],
      { encoding: 'utf8' },
    );
    expect(`${r.stdout}${r.stderr}`).toContain('valid console plugin');
    expect(r.status).toBe(0);
  });

  it('fails when dist does not exist', () => {
    const r = check(path.join(os.tmpdir(), 'no-such-dist-dir'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('run "npm run build" first');
  });
});
