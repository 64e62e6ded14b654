import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/** Models of the host's own pages (the console has static models for these). */
export const SecretModel: K8sModel = {
  apiVersion: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  abbr: 'S',
  label: 'Secret',
  labelPlural: 'Secrets',
  namespaced: true,
};
