/**
 * What to run on a cluster the plugin cannot reach: the token.yml of IBM's procedure (its labels,
 * stringData) with the new token, and the commands that apply it and restart License Service.
 */
import { DEFAULT_TOKEN_SECRET } from '../../reporter/types';

export const DEFAULT_SENDER_NAMESPACE = 'ibm-licensing';
export { DEFAULT_TOKEN_SECRET };

/** A YAML single-quoted scalar (the only escape is '' for '). */
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const yamlQuoted = (value: string) => quoted(value);

export const tokenYaml = (token: string, namespace: string, name: string) =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  labels:',
    '    app.kubernetes.io/component: ibm-licensing-service-svc',
    '    app.kubernetes.io/instance: ibm-licensing-service',
    '    app.kubernetes.io/managed-by: operator',
    '    app.kubernetes.io/name: ibm-licensing-service-instance',
    '    release: ibm-licensing-service',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'type: Opaque',
    'stringData:',
    `  token: ${quoted(token)}`,
    '',
  ].join('\n');

export const applyCommand = () => 'oc apply -f token.yml';

export const restartCommand = (namespace: string) =>
  `oc delete pods -l app=ibm-licensing-service-instance -n ${namespace}`;

export const rolloutCommand = (namespace: string) =>
  `oc rollout restart deployment/ibm-licensing-service-instance -n ${namespace}`;

/** Kubernetes names: lower-case DNS labels (namespaces) or subdomains (Secrets). */
export const isDnsLabel = (v: string) => /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(v);
export const isDnsSubdomain = (v: string) =>
  v.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(v);
