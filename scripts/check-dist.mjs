#!/usr/bin/env node
// Checks the output of `npm run build` the way console 4.22 will read it: the manifest
// (name, version, callback registration, @console/pluginAPI dependency, extension kinds, code
// references), the entry script and chunks (present, content-hashed) and the locale file.
// Exits non-zero with one line per problem. Usage: node scripts/check-dist.mjs [dist directory]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a checkout path with a space or non-ASCII letter stays valid.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const plugin = pkg.consolePlugin ?? {};
const name = plugin.name;
const problems = [];
const fail = (message) => problems.push(message);

const REQUIRED_KINDS = [
  'console.flag/model',
  'console.page/route',
  'console.navigation/href',
  'console.action/resource-provider',
];
const HASHED_JS = /[.-][0-9a-f]{8,}\.min\.js$/;

const readJson = (file, what) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${what} (${path.relative(root, file)}) cannot be read as JSON: ${e.message}`);
    return undefined;
  }
};

const codeRefsOf = (value, found = []) => {
  if (Array.isArray(value)) value.forEach((v) => codeRefsOf(v, found));
  else if (value && typeof value === 'object') {
    if (typeof value.$codeRef === 'string') found.push(value.$codeRef);
    Object.values(value).forEach((v) => codeRefsOf(v, found));
  }
  return found;
};

if (!fs.existsSync(dist)) {
  console.error(`check-dist: ${dist} does not exist: run "npm run build" first.`);
  process.exit(1);
}

const manifest = readJson(path.join(dist, 'plugin-manifest.json'), 'The plugin manifest');
if (manifest) {
  if (manifest.name !== name) fail(`manifest name is "${manifest.name}", expected "${name}"`);
  if (manifest.version !== plugin.version)
    fail(`manifest version is "${manifest.version}", expected "${plugin.version}"`);
  if (manifest.registrationMethod !== 'callback')
    fail(`manifest registrationMethod is "${manifest.registrationMethod}", expected "callback"`);
  if (manifest.baseURL !== `/api/plugins/${name}/`)
    fail(`manifest baseURL is "${manifest.baseURL}", expected "/api/plugins/${name}/"`);
  if (!manifest.dependencies?.['@console/pluginAPI'])
    fail('manifest has no "@console/pluginAPI" dependency (the console checks its version)');

  const extensions = Array.isArray(manifest.extensions) ? manifest.extensions : [];
  const kinds = new Set(extensions.map((e) => e.type));
  for (const kind of REQUIRED_KINDS)
    if (!kinds.has(kind)) fail(`manifest has no "${kind}" extension`);
  const exposed = new Set(Object.keys(plugin.exposedModules ?? {}));
  for (const ref of codeRefsOf(extensions)) {
    const moduleName = ref.split('.')[0];
    if (!exposed.has(moduleName))
      fail(`$codeRef "${ref}" names module "${moduleName}", which package.json does not expose`);
  }

  const scripts = Array.isArray(manifest.loadScripts) ? manifest.loadScripts : [];
  if (scripts.length === 0) fail('manifest loadScripts is empty');
  for (const script of scripts) {
    if (!fs.existsSync(path.join(dist, script)))
      fail(`loadScripts entry "${script}" is not in dist/`);
    if (!/^plugin-entry\./.test(script))
      fail(`loadScripts entry "${script}" is not the plugin entry`);
    if (!HASHED_JS.test(script))
      fail(
        `loadScripts entry "${script}" has no content hash (browsers would cache a stale entry)`,
      );
  }
}

const jsFiles = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
if (!jsFiles.some((f) => f.includes('-chunk.'))) fail('dist/ holds no chunk files');
for (const file of jsFiles)
  if (!HASHED_JS.test(file)) fail(`dist/${file} has no content hash in its name`);

const locale = `locales/en/plugin__${name}.json`;
const built = path.join(dist, locale);
if (!fs.existsSync(built))
  fail(`dist/${locale} is missing (the console fetches it for translations)`);
else {
  const translations = readJson(built, 'The English locale');
  const source = readJson(path.join(root, locale), 'The source locale');
  if (translations && source && JSON.stringify(translations) !== JSON.stringify(source))
    fail(`dist/${locale} differs from ${locale}: rebuild`);
  if (translations && Object.keys(translations).length === 0) fail(`dist/${locale} has no keys`);
}

if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s) in dist/:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `check-dist: dist/ is a valid console plugin (${name} ${plugin.version}, ${jsFiles.length} scripts)`,
);
