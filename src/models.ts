import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/** IBM License Service Reporter CR (namespaced). */
export const ReporterModel: K8sModel = {
  apiGroup: 'operator.ibm.com',
  apiVersion: 'v1alpha1',
  kind: 'IBMLicenseServiceReporter',
  plural: 'ibmlicenseservicereporters',
  abbr: 'LSR',
  label: 'IBMLicenseServiceReporter',
  labelPlural: 'IBMLicenseServiceReporters',
  namespaced: true,
  crd: true,
};

/** IBM License Service CR (cluster-scoped). */
export const LicensingModel: K8sModel = {
  apiGroup: 'operator.ibm.com',
  apiVersion: 'v1alpha1',
  kind: 'IBMLicensing',
  plural: 'ibmlicensings',
  abbr: 'IBML',
  label: 'IBMLicensing',
  labelPlural: 'IBMLicensings',
  namespaced: false,
  crd: true,
};

export const SecretModel: K8sModel = {
  apiVersion: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  abbr: 'S',
  label: 'Secret',
  labelPlural: 'Secrets',
  namespaced: true,
};

export const PodModel: K8sModel = {
  apiVersion: 'v1',
  kind: 'Pod',
  plural: 'pods',
  abbr: 'P',
  label: 'Pod',
  labelPlural: 'Pods',
  namespaced: true,
};

export const DeploymentModel: K8sModel = {
  apiGroup: 'apps',
  apiVersion: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  abbr: 'D',
  label: 'Deployment',
  labelPlural: 'Deployments',
  namespaced: true,
};

export const RouteModel: K8sModel = {
  apiGroup: 'route.openshift.io',
  apiVersion: 'v1',
  kind: 'Route',
  plural: 'routes',
  abbr: 'RT',
  label: 'Route',
  labelPlural: 'Routes',
  namespaced: true,
};

export const gvkOf = (model: K8sModel): K8sGroupVersionKind => ({
  ...(model.apiGroup ? { group: model.apiGroup } : {}),
  version: model.apiVersion,
  kind: model.kind,
});
