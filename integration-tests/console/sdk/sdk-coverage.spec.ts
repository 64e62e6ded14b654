/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const SDK = '@openshift-console/dynamic-plugin-sdk';

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(full);
    }
    return /\.tsx?$/.test(e.name) && !/\.(spec|test)\.tsx?$/.test(e.name) ? [full] : [];
  });

/** Every value (not type-only) name the plugin's code takes from the SDK at runtime. */
const importedValueNames = (file: string): string[] => {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const namespaces = new Set<string>();
  const fromSDK = (spec: ts.Expression | undefined) =>
    !!spec && ts.isStringLiteral(spec) && spec.text === SDK;
  sf.statements.forEach((st) => {
    if (ts.isImportDeclaration(st) && fromSDK(st.moduleSpecifier)) {
      const clause = st.importClause;
      if (!clause || clause.phaseModifier === ts.SyntaxKind.TypeKeyword) {
        return;
      }
      if (clause.name) {
        names.push('default');
      }
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        namespaces.add(bindings.name.text);
      } else if (bindings) {
        bindings.elements
          .filter((el) => !el.isTypeOnly)
          .forEach((el) => names.push((el.propertyName ?? el.name).text));
      }
    }
    if (ts.isExportDeclaration(st) && fromSDK(st.moduleSpecifier) && !st.isTypeOnly) {
      const clause = st.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        clause.elements
          .filter((el) => !el.isTypeOnly)
          .forEach((el) => names.push((el.propertyName ?? el.name).text));
      }
    }
  });
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      namespaces.has(node.expression.text) &&
      !ts.isTypeReferenceNode(node.parent) &&
      !ts.isTypeQueryNode(node.parent)
    ) {
      names.push(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
};

/** Value exports of a module, as the TypeScript checker resolves them (re-exports included). */
const valueExports = (file: string): Set<string> => {
  const program = ts.createProgram([file], {
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2021,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  const mod = sf && checker.getSymbolAtLocation(sf);
  if (!mod) {
    throw new Error(`Cannot read the exports of ${file}`);
  }
  return new Set(
    checker
      .getExportsOfModule(mod)
      .filter((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        return (target.flags & ts.SymbolFlags.Value) !== 0;
      })
      .map((s) => s.name),
  );
};

describe('stand-in console SDK', () => {
  const files = sourceFiles(path.join(root, 'src'));
  const used = new Map<string, string[]>();
  files.forEach((f) => {
    importedValueNames(f).forEach((name) => {
      used.set(name, [...(used.get(name) ?? []), path.relative(root, f)]);
    });
  });
  const provided = valueExports(path.join(__dirname, 'index.ts'));
  const published = valueExports(path.join(root, 'node_modules', SDK, 'lib', 'lib-core.d.ts'));

  it('finds the plugin imports it checks', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(used.size).toBeGreaterThan(0);
  });

  it('exports every SDK name the plugin imports at runtime', () => {
    const missing = [...used.entries()]
      .filter(([name]) => !provided.has(name))
      .map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('exports nothing the published SDK does not', () => {
    expect([...provided].filter((name) => !published.has(name))).toEqual([]);
  });
});
