/**
 * Unit-test helpers: the realistic cluster objects of ../shared/fixtures (beside the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { ReporterKind, RouteKind, SecretKind } from '../types';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures');

export type FixtureName =
  | 'reporter-instance.yaml'
  | 'reporter-custom.yaml'
  | 'license-service-same-ns.yaml'
  | 'license-service-other-ns.yaml';

/** Every object of the fixture files, in file order. */
export const loadObjects = (...files: FixtureName[]): K8sResourceCommon[] =>
  files.flatMap((file) =>
    loadAll(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).filter(
      (o): o is K8sResourceCommon => typeof o === 'object' && o !== null && 'kind' in o,
    ),
  );

const find = (objects: K8sResourceCommon[], kind: string, name?: string): K8sResourceCommon => {
  const found = objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));
  if (!found) throw new Error(`fixture has no ${kind}${name ? ` ${name}` : ''}`);
  return structuredCloneJson(found);
};

const structuredCloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const fixtureReporter = (file: FixtureName = 'reporter-instance.yaml'): ReporterKind =>
  find(loadObjects(file), 'IBMLicenseServiceReporter');

export const fixtureSecret = (
  name: string,
  file: FixtureName = 'reporter-instance.yaml',
): SecretKind => find(loadObjects(file), 'Secret', name);

export const fixtureSecrets = (file: FixtureName = 'reporter-instance.yaml'): SecretKind[] =>
  loadObjects(file)
    .filter((o) => o.kind === 'Secret')
    .map((o) => structuredCloneJson(o) as SecretKind);

export const fixtureRoute = (
  name: string,
  file: FixtureName = 'reporter-instance.yaml',
): RouteKind => find(loadObjects(file), 'Route', name);
