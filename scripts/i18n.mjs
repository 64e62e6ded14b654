#!/usr/bin/env node
// Extracts every translation key of the plugin into locales/en/plugin__lsr-token-plugin.json.
// Keys come from t('...') calls in src/ (parsed with the TypeScript compiler, so multi-line calls
// and template literals without substitutions count) and from %plugin__lsr-token-plugin~...%
// labels in console-extensions.json. With --check it changes nothing and fails when the file is stale.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ns = 'plugin__lsr-token-plugin';
const out = path.join(root, 'locales', 'en', `${ns}.json`);

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [p] : [];
  });

const keys = new Set();
const problems = [];
for (const file of walk(path.join(root, 'src'))) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 't' && node.arguments.length > 0) {
        const arg = node.arguments[0];
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.add(arg.text);
        else {
          const { line } = sf.getLineAndCharacterOfPosition(arg.getStart());
          problems.push(`${path.relative(root, file)}:${line + 1}: t() needs a literal key`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
const ext = fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8');
for (const m of ext.matchAll(new RegExp(`%${ns}~(.*?)%`, 'g'))) keys.add(m[1]);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const sorted = Object.fromEntries([...keys].sort().map((k) => [k, k]));
const json = `${JSON.stringify(sorted, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== json) {
    console.error(
      `${path.relative(root, out)} is stale: run "npm run i18n" and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`i18n: ${keys.size} keys, locales up to date`);
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, json);
  console.log(`i18n: wrote ${keys.size} keys to ${path.relative(root, out)}`);
}
