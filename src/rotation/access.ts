/**
 * The permissions one rotation needs, derived from its plan (pure). Each is checked with an access
 * review before the user can confirm; the API's own 403 is still handled by the runner.
 */
import type { K8sVerb } from '@openshift-console/dynamic-plugin-sdk';
import { REPORTER_API_ROUTE } from '../reporter/types';
import type { RotationPlan } from './plan';

export type AccessNeed = {
  group: string;
  resource: string;
  verb: K8sVerb;
  /** Absent for cluster-scoped resources. */
  namespace?: string;
  name?: string;
};

export const accessKey = (n: AccessNeed) =>
  [n.verb, n.group, n.resource, n.namespace ?? '', n.name ?? ''].join('|');

export const requiredAccess = (plan: RotationPlan): AccessNeed[] => {
  const needs: AccessNeed[] = [
    {
      group: 'operator.ibm.com',
      resource: 'ibmlicenseservicereporters',
      verb: 'get',
      namespace: plan.reporter.namespace,
      name: plan.reporter.crName,
    },
    { group: 'operator.ibm.com', resource: 'ibmlicensings', verb: 'list' },
    {
      group: 'route.openshift.io',
      resource: 'routes',
      verb: 'get',
      namespace: plan.reporter.namespace,
      name: REPORTER_API_ROUTE,
    },
  ];
  for (const step of plan.steps) {
    if (step.kind === 'patch-secret') {
      for (const verb of ['get', 'patch'] as const) {
        needs.push({
          group: '',
          resource: 'secrets',
          verb,
          namespace: step.secret.namespace,
          name: step.secret.name,
        });
      }
    } else {
      for (const verb of ['list', 'watch', 'delete'] as const) {
        needs.push({ group: '', resource: 'pods', verb, namespace: step.namespace });
      }
    }
  }
  const seen = new Set<string>();
  return needs.filter((n) => {
    const key = accessKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
