import type { K8sModel, MatchExpression, Selector } from '@openshift-console/dynamic-plugin-sdk';

export const K8S_BASE_PATH = '/api/kubernetes';

export type ResourceURLOptions = {
  ns?: string;
  name?: string;
  path?: string;
  /** Joined as `k=v` without encoding, as the console does: callers encode values themselves. */
  queryParams?: Record<string, string | undefined>;
};

const apiPath = ({ apiGroup = 'core', apiVersion }: K8sModel): string => {
  const legacy = apiGroup === 'core' && apiVersion === 'v1';
  return `${legacy ? '/api/' : '/apis/'}${!legacy && apiGroup ? `${apiGroup}/` : ''}${apiVersion}`;
};

export const resourceURL = (model: K8sModel, options: ResourceURLOptions = {}): string => {
  let u = `${K8S_BASE_PATH}${apiPath(model)}`;
  if (model.namespaced && options.ns) {
    u += `/namespaces/${options.ns}`;
  }
  u += `/${model.plural}`;
  if (options.name) {
    u += `/${encodeURIComponent(options.name)}`;
  }
  if (options.path) {
    u += `/${options.path}`;
  }
  const q = Object.entries(options.queryParams ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  if (q.length > 0) {
    u += `?${q.join('&')}`;
  }
  return u;
};

const requirementToString = ({ key, operator, values = [] }: MatchExpression): string => {
  switch (operator) {
    case 'Equals':
      return `${key}=${values[0] ?? ''}`;
    case 'NotEquals':
    case 'NotEqual':
      return `${key}!=${values[0] ?? ''}`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    case 'GreaterThan':
      return `${key} > ${values[0] ?? ''}`;
    case 'LessThan':
      return `${key} < ${values[0] ?? ''}`;
    default:
      return '';
  }
};

/**
 * The console's selector serialisation. Like the console, a selector without `matchLabels` or
 * `matchExpressions` is read as a plain label map, so a string turns into `0=a,1=p,...`.
 */
export const selectorToString = (selector: Selector | Record<string, unknown> = {}): string => {
  const s = selector as Selector;
  const old = !s.matchLabels && !s.matchExpressions;
  const labels = (old ? selector : (s.matchLabels ?? {})) as Record<string, unknown>;
  const requirements: MatchExpression[] = Object.keys(labels)
    .sort()
    .map((k) => ({ key: k, operator: 'Equals', values: [String(labels[k])] }));
  requirements.push(...(s.matchExpressions ?? []));
  return requirements.map(requirementToString).join(',');
};
