/** @jest-environment node */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { chartDir, pick, renderChart, repoRoot } from './helm';

/**
 * The Dockerfile cannot be built here (no container engine), so these checks keep it consistent with the
 * chart: the image must serve dist/ where nginx.conf looks for it and start nginx the way the pod does.
 */
const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const nginxConf = fs.readFileSync(path.join(chartDir, 'files/nginx.conf'), 'utf8');
const stages = instructions.filter((line) => line.startsWith('FROM '));
const runtime = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1] ?? ''));

function deploymentCommand(): string[] {
  const deployment = pick(
    renderChart().objects,
    'Deployment',
    'lsr-token-plugin',
  ) as unknown as IDeployment;
  return deployment.spec?.template.spec?.containers[0]?.command ?? [];
}

describe('Dockerfile', () => {
  it('builds with Node 20 and npm ci, and runs nginx', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/nodejs-20\b.* AS build$/);
    expect(stages[1]).toMatch(/nginx/);
    expect(instructions).toContain('RUN npm ci --no-audit --no-fund --ignore-scripts');
    expect(instructions).toContain('RUN npm run build');
  });

  it('copies dist/ to the directory nginx.conf serves', () => {
    const root = /^\s*root (\S+);$/m.exec(nginxConf)?.[1];
    expect(root).toBeDefined();
    expect(runtime).toContain(`COPY --from=build /opt/app-root/src/dist ${String(root)}`);
  });

  it('ships the chart nginx.conf where the pod command reads it, and starts nginx the same way', () => {
    const command = deploymentCommand();
    const conf = command[command.indexOf('-c') + 1];
    expect(runtime).toContain(`COPY charts/lsr-token-plugin/files/nginx.conf ${String(conf)}`);
    expect(runtime).toContain(`CMD ${JSON.stringify(command).replace(/","/g, '", "')}`);
  });

  it('runs as a non-root user and exposes 9443 only', () => {
    expect(runtime.filter((l) => l.startsWith('USER '))).toEqual(['USER 1001']);
    expect(runtime.filter((l) => l.startsWith('EXPOSE '))).toEqual(['EXPOSE 9443']);
  });
});

describe('.dockerignore', () => {
  const patterns = fs
    .readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps the build inputs and the nginx configuration in the context', () => {
    for (const input of [
      'src',
      'locales',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'webpack.config.ts',
      'console-extensions.json',
    ]) {
      expect({
        input,
        excluded: patterns.includes(input) || patterns.includes(`${input}/`),
      }).toEqual({ input, excluded: false });
      expect(fs.existsSync(path.join(repoRoot, input))).toBe(true);
    }
    expect(patterns).toContain('!charts/lsr-token-plugin/files/nginx.conf');
  });

  it('leaves out dependencies, build output and version control', () => {
    expect(patterns).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});
