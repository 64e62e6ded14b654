import fs from 'node:fs';
import path from 'node:path';

type Extension = { type: string; properties: Record<string, unknown>; flags?: unknown };

const root = path.resolve(__dirname, '..');
const extensions = JSON.parse(
  fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8'),
) as Extension[];
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  consolePlugin: { name: string; exposedModules: Record<string, string> };
};
const locale = JSON.parse(
  fs.readFileSync(path.join(root, 'locales/en/plugin__lsr-token-plugin.json'), 'utf8'),
) as Record<string, string>;

const codeRefs = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(codeRefs);
  if (value && typeof value === 'object') {
    const ref = (value as { $codeRef?: unknown }).$codeRef;
    return [...(typeof ref === 'string' ? [ref] : []), ...Object.values(value).flatMap(codeRefs)];
  }
  return [];
};

describe('console-extensions.json', () => {
  it('declares the flag, the page, the navigation item and the Secret action provider', () => {
    expect(extensions.map((e) => e.type).sort()).toEqual([
      'console.action/resource-provider',
      'console.flag/model',
      'console.navigation/href',
      'console.page/route',
    ]);
    const provider = extensions.find((e) => e.type === 'console.action/resource-provider');
    expect(provider?.properties.model).toEqual({ version: 'v1', kind: 'Secret' });
  });

  it('translates every label through the plugin namespace, with keys in the locale file', () => {
    const labels = extensions.flatMap((e) =>
      ['name', 'label'].flatMap((k) => {
        const v = e.properties[k];
        return typeof v === 'string' ? [v] : [];
      }),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      const m = /^%plugin__lsr-token-plugin~(.+)%$/.exec(label);
      expect(m).not.toBeNull();
      expect(locale[m?.[1] ?? '']).toBeDefined();
    }
  });

  it('resolves every $codeRef to an exported function of an exposed module', async () => {
    const refs = codeRefs(extensions);
    expect(refs.sort()).toEqual(['TokenPage', 'useTokenSecretActions']);
    for (const ref of refs) {
      const [moduleName = '', exportName = 'default'] = ref.split('.');
      const file = pkg.consolePlugin.exposedModules[moduleName];
      expect(file).toBeDefined();
      const mod = (await import(path.join(root, 'src', file ?? ''))) as Record<string, unknown>;
      expect(typeof mod[exportName]).toBe('function');
    }
  });
});
