/** Label and field selectors in the string syntax of the Kubernetes API (`labelSelector=`, `fieldSelector=`). */
import { badRequest } from './errors';
import { getPath, type KObject } from './objects';
import type { ResourceType } from './resources';

export type LabelOperator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists';

export interface LabelRequirement {
  key: string;
  op: LabelOperator;
  values: string[];
}

const KEY_RE =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE_RE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((t) => t.trim());
}

function checkKey(key: string, selector: string): string {
  if (!KEY_RE.test(key) || key.length > 317) {
    throw badRequest(`unable to parse requirement: invalid label key "${key}" in "${selector}"`);
  }
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE_RE.test(value) || value.length > 63) {
    throw badRequest(
      `unable to parse requirement: invalid label value "${value}" in "${selector}"`,
    );
  }
  return value;
}

export function parseLabelSelector(selector: string | null | undefined): LabelRequirement[] {
  if (!selector || selector.trim() === '') return [];
  const reqs: LabelRequirement[] = [];
  for (const term of splitTerms(selector)) {
    if (term === '')
      throw badRequest(`unable to parse requirement: found '', expected: identifier`);
    let m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(term);
    if (m) {
      const values = (m[3] ?? '')
        .split(',')
        .map((v) => v.trim())
        .map((v) => checkValue(v, selector));
      reqs.push({
        key: checkKey(m[1] ?? '', selector),
        op: m[2] === 'in' ? 'in' : 'notin',
        values,
      });
      continue;
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (m) {
      const op = m[2] === '!=' ? '!=' : '=';
      reqs.push({
        key: checkKey(m[1] ?? '', selector),
        op,
        values: [checkValue(m[3] ?? '', selector)],
      });
      continue;
    }
    if (term.startsWith('!')) {
      reqs.push({ key: checkKey(term.slice(1).trim(), selector), op: '!exists', values: [] });
      continue;
    }
    reqs.push({ key: checkKey(term, selector), op: 'exists', values: [] });
  }
  return reqs;
}

export function matchesLabels(
  reqs: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        return has && v === r.values[0];
      case '!=':
        return !has || v !== r.values[0];
      case 'in':
        return has && v !== undefined && r.values.includes(v);
      case 'notin':
        return !has || v === undefined || !r.values.includes(v);
      case 'exists':
        return has;
      case '!exists':
        return !has;
    }
    return false;
  });
}

/** `{matchLabels, matchExpressions}` (a workload's spec.selector) as requirements. */
export function requirementsFromLabelSelector(sel: unknown): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  if (typeof sel !== 'object' || sel === null) return reqs;
  const s = sel as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  for (const [key, value] of Object.entries(s.matchLabels ?? {}))
    reqs.push({ key, op: '=', values: [value] });
  for (const e of s.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!exists' } as const)[
      e.operator as 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
    ];
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}

export interface FieldRequirement {
  field: string;
  negate: boolean;
  value: string;
}

/** Fields each kind can be selected on, beyond metadata.name and metadata.namespace. */
const EXTRA_FIELDS: Record<string, string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  '/secrets': ['type'],
  '/namespaces': ['status.phase'],
  '/events': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  '/nodes': ['spec.unschedulable'],
  'apps/replicasets': ['status.replicas'],
  '/persistentvolumeclaims': [],
};

export function parseFieldSelector(
  selector: string | null | undefined,
  rt: ResourceType,
): FieldRequirement[] {
  if (!selector || selector.trim() === '') return [];
  const allowed = new Set([
    'metadata.name',
    'metadata.namespace',
    ...(EXTRA_FIELDS[`${rt.group}/${rt.plural}`] ?? []),
  ]);
  const reqs: FieldRequirement[] = [];
  for (const term of selector.split(',').map((t) => t.trim())) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = (m[1] ?? '').trim();
    if (!allowed.has(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    reqs.push({ field, negate: m[2] === '!=', value: (m[3] ?? '').trim() });
  }
  return reqs;
}

function fieldValue(obj: KObject, field: string): string {
  const v = getPath(obj, field);
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function matchesFields(reqs: FieldRequirement[], obj: KObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) !== r.negate);
}
