/**
 * Executes a rotation plan, step by step, through a small port (the SDK in the console, an in-memory
 * cluster in tests). It stops at the first failure with a precise reason, never loses the previous
 * token silently, and resumes from the failed step. No React.
 */
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import { decodeToken, encodeToken } from '../token/base64';
import { validateToken, type TokenProblem } from '../token/validate';
import type { SecretKind } from '../reporter/types';
import { TOKEN_KEY } from '../reporter/types';
import {
  isPodReady,
  secretShape,
  tokenPatch,
  type PatchSecretStep,
  type PlanStep,
  type PodKind,
  type RestartPodsStep,
  type RotationPlan,
  type SecretRef,
} from './plan';
import { scrubTokens } from './scrub';

/** Default time to wait for replacement pods to be Running and Ready. */
export const DEFAULT_READY_TIMEOUT_MS = 5 * 60 * 1000;

export type PodRef = { namespace: string; name: string; uid?: string };

export type WaitRequest = {
  namespace: string;
  selector: Record<string, string>;
  /** UIDs of the pods that were deleted: any other pod matching the selector is a replacement. */
  oldUids: string[];
  /** How many replacements must be Running and Ready. */
  expected: number;
  timeoutMs: number;
  /** Called whenever the number of ready replacements is known. */
  onProgress?: (ready: number, expected: number) => void;
};

export interface RotationPort {
  getSecret(ref: SecretRef): Promise<SecretKind>;
  patchSecret(ref: SecretRef, ops: Patch[]): Promise<SecretKind>;
  listPods(namespace: string, selector: Record<string, string>): Promise<PodKind[]>;
  deletePod(pod: PodRef): Promise<void>;
  /** Resolves with the ready replacements; rejects with WaitTimeoutError after timeoutMs. */
  waitForReplacement(request: WaitRequest): Promise<PodKind[]>;
  /** Milliseconds since the epoch. */
  now(): number;
}

/** waitForReplacement gave up: the replacements were not ready in time. */
export class WaitTimeoutError extends Error {
  readonly ready: number;
  readonly expected: number;
  constructor(ready: number, expected: number) {
    super(`${ready} of ${expected} replacement pods ready when the wait ended`);
    this.name = 'WaitTimeoutError';
    this.ready = ready;
    this.expected = expected;
  }
}

/** A request that got no answer in time (its effect on the cluster is unknown). */
export class RequestTimeoutError extends Error {
  constructor(what: string) {
    super(`no answer to ${what} in time`);
    this.name = 'RequestTimeoutError';
  }
}

/** Replacements of the deleted pods that are Running and Ready. */
export const readyReplacements = (pods: PodKind[], oldUids: string[]): PodKind[] =>
  pods.filter((p) => !oldUids.includes(p.metadata?.uid ?? '') && isPodReady(p));

export type Permission = { verb: string; resource: string; namespace: string; name?: string };

export type FailureKind =
  /** 403: the user lacks a permission. */
  | 'forbidden'
  /** The Secret changed since the review (failed resourceVersion test, 409). */
  | 'conflict'
  /** The Secret changed since the review and holds neither the previous nor the new token. */
  | 'changed-by-others'
  /** 404 on a Secret. */
  | 'not-found'
  /** The API refused the request (other 4xx). */
  | 'rejected'
  /** 5xx. */
  | 'server'
  /** No answer in time. */
  | 'timeout'
  /** The replacement pods were not ready in time. */
  | 'not-ready'
  /** The request did not reach the API. */
  | 'network'
  | 'unknown';

export type StepFailure = {
  kind: FailureKind;
  status?: number;
  /** The API's message with every form of both tokens removed. */
  message?: string;
  /** The permission the failed request needs (for 'forbidden'). */
  permission?: Permission;
  /**
   * For a patch with no clear answer (timeout, network, unknown error): the write may or may not
   * have happened, or may still be applied later (a request that timed out is not necessarily
   * cancelled, and its resourceVersion test still passes while the Secret is unchanged).
   */
  uncertain?: boolean;
  /**
   * With `uncertain`: what the read-back after the failed patch showed. 'failed': the Secret could
   * not be read. 'previous': it still held the previous token at its reviewed resourceVersion, so
   * the write had not landed yet but still can.
   */
  readBack?: 'failed' | 'previous';
  /** For 'not-ready': replacements ready when the wait ended. */
  ready?: number;
  expected?: number;
};

export type StepActivity =
  | { kind: 'checking' }
  | { kind: 'patching' }
  | { kind: 'reading-back' }
  | { kind: 'already-saved' }
  | { kind: 'listing' }
  | { kind: 'no-pods' }
  | { kind: 'deleting'; pod: string; index: number; total: number }
  | { kind: 'waiting'; ready: number; expected: number };

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export type StepState = {
  id: string;
  status: StepStatus;
  startedAt?: number;
  endedAt?: number;
  activity?: StepActivity;
  failure?: StepFailure;
  /** Restart steps: UIDs of the pods to replace, fixed when the step first starts. */
  oldUids?: string[];
  oldPodNames?: string[];
  /** Restart steps: names of the ready replacements. */
  newPodNames?: string[];
};

export type RunOutcome =
  | { kind: 'running' }
  | { kind: 'succeeded' }
  /** The token failed validation: nothing was sent. */
  | { kind: 'refused'; problems: TokenProblem[] }
  | {
      kind: 'failed';
      stepId: string;
      /** Whether the new token is saved in the cluster: no (nothing changed), yes, or unknown. */
      tokenSaved: 'no' | 'yes' | 'unknown';
      /** Retrying the failed step can succeed without a new review. */
      canRetry: boolean;
      /** The plan is out of date: reload and review again. */
      reviewAgain: boolean;
    };

export type RunState = {
  steps: StepState[];
  outcome: RunOutcome;
  /** Secrets that hold the new token (their patch step is done). */
  savedIn: SecretRef[];
  startedAt: number;
  endedAt?: number;
};

export type RunRequest = {
  plan: RotationPlan;
  newToken: string;
  /** The token in use when the plan was reviewed (kept to recognise it and to revert to it). */
  previousToken: string;
  port: RotationPort;
  timeoutMs?: number;
  onUpdate?: (state: RunState) => void;
};

/** The HTTP status of an SDK error (HttpError.code, or its response's status). */
export const httpStatus = (e: unknown): number | undefined => {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const { code } = e;
    if (typeof code === 'number') return code;
  }
  if (typeof e === 'object' && e !== null && 'response' in e) {
    const { response } = e;
    if (typeof response === 'object' && response !== null && 'status' in response) {
      const { status } = response;
      if (typeof status === 'number') return status;
    }
  }
  return undefined;
};

const errorText = (e: unknown): string => {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return '';
};

/** Classifies an error thrown by the port. */
export const classify = (e: unknown, tokens: string[], permission?: Permission): StepFailure => {
  const status = httpStatus(e);
  const message = scrubTokens(errorText(e), tokens) || undefined;
  const base = { ...(status === undefined ? {} : { status }), ...(message ? { message } : {}) };
  if (e instanceof WaitTimeoutError) {
    return { kind: 'not-ready', ready: e.ready, expected: e.expected, ...base };
  }
  if (e instanceof RequestTimeoutError || (e instanceof Error && e.name === 'TimeoutError')) {
    return { kind: 'timeout', ...base };
  }
  if (status === 403) return { kind: 'forbidden', ...base, ...(permission ? { permission } : {}) };
  if (status === 409) return { kind: 'conflict', ...base };
  if (status === 404) return { kind: 'not-found', ...base };
  if (status === 408 || status === 504) return { kind: 'timeout', ...base };
  if (status !== undefined && status >= 500) return { kind: 'server', ...base };
  if (status !== undefined && status >= 400) return { kind: 'rejected', ...base };
  if (e instanceof TypeError) return { kind: 'network', ...base };
  return { kind: 'unknown', ...base };
};

/** Failures without an answer from the API: the request may have been, or may still be, applied. */
const ANSWERLESS: ReadonlySet<FailureKind> = new Set<FailureKind>([
  'timeout',
  'network',
  'unknown',
]);

const decodedToken = (secret: SecretKind): string | undefined => {
  const value = secret.data?.[TOKEN_KEY];
  if (value === undefined) return undefined;
  try {
    return decodeToken(value);
  } catch {
    return undefined;
  }
};

class StepFailed extends Error {
  readonly failure: StepFailure;
  constructor(failure: StepFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

const freshState = (plan: RotationPlan, now: number): RunState => ({
  steps: plan.steps.map((s) => ({ id: s.id, status: 'pending' })),
  outcome: { kind: 'running' },
  savedIn: [],
  startedAt: now,
});

/**
 * Runs the plan from the start, or, given the state of a failed run, from its failed step.
 * Resolves with the final state (never rejects for cluster errors).
 */
export const runRotation = async (request: RunRequest, resume?: RunState): Promise<RunState> => {
  const { plan, newToken, previousToken, port } = request;
  const timeoutMs = request.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const tokens = [newToken, previousToken];
  let state: RunState = resume
    ? { ...resume, outcome: { kind: 'running' }, steps: resume.steps.map((s) => ({ ...s })) }
    : freshState(plan, port.now());
  delete state.endedAt;
  const emit = () => {
    request.onUpdate?.(state);
  };
  const update = (index: number, patch: Partial<StepState>) => {
    const steps = state.steps.slice();
    const current = steps[index];
    if (!current) return;
    steps[index] = { ...current, ...patch };
    state = { ...state, steps };
    emit();
  };

  // Second guard: the same rule as the form. An invalid token is never sent.
  const validation = validateToken(newToken, { currentToken: previousToken });
  if (!validation.valid) {
    state = { ...state, outcome: { kind: 'refused', problems: validation.problems } };
    state.endedAt = port.now();
    emit();
    return state;
  }

  const base64 = encodeToken(newToken);
  emit();

  for (let index = 0; index < plan.steps.length; index += 1) {
    const step = plan.steps[index];
    const stepState = state.steps[index];
    if (!step || !stepState || stepState.status === 'done') continue;
    const retrying = stepState.status === 'failed';
    update(index, {
      status: 'running',
      startedAt: retrying ? port.now() : (stepState.startedAt ?? port.now()),
      failure: undefined,
      endedAt: undefined,
    });
    try {
      if (step.kind === 'patch-secret') {
        await patchStep(step, index, retrying || index > 0);
        state = { ...state, savedIn: [...state.savedIn, step.secret] };
      } else {
        await restartStep(step, index);
      }
      update(index, { status: 'done', endedAt: port.now() });
    } catch (e) {
      const failure =
        e instanceof StepFailed ? e.failure : classify(e, tokens, permissionFor(step, 'unknown'));
      update(index, { status: 'failed', failure, endedAt: port.now() });
      state = { ...state, outcome: failedOutcome(step, failure), endedAt: port.now() };
      emit();
      return state;
    }
  }
  state = { ...state, outcome: { kind: 'succeeded' }, endedAt: port.now() };
  emit();
  return state;

  function failedOutcome(step: PlanStep, failure: StepFailure): RunOutcome {
    const saved = state.savedIn.length > 0;
    const first = step === plan.steps[0];
    let tokenSaved: 'no' | 'yes' | 'unknown' = saved ? 'yes' : 'no';
    if (!saved && failure.uncertain) tokenSaved = 'unknown';
    const reviewAgain =
      first && !saved && (failure.kind === 'conflict' || failure.kind === 'changed-by-others');
    return { kind: 'failed', stepId: step.id, tokenSaved, canRetry: !reviewAgain, reviewAgain };
  }

  /**
   * Patches one Secret. It is read first: already holding the new token means done (a retry after a
   * write whose answer was lost). A resourceVersion other than the plan's stops the first write of a
   * run (the Secret changed since the review); on a retry or a later copy it is accepted only while
   * the Secret still holds the previous token. The patch itself tests the resourceVersion it was
   * built on, so a concurrent change is never overwritten.
   */
  async function patchStep(step: PatchSecretStep, index: number, lenient: boolean) {
    const ref = step.secret;
    update(index, { activity: { kind: 'checking' } });
    let observed: SecretKind;
    try {
      observed = await port.getSecret(ref);
    } catch (e) {
      throw new StepFailed(classify(e, tokens, permissionFor(step, 'get')));
    }
    const value = decodedToken(observed);
    if (value === newToken) {
      update(index, { activity: { kind: 'already-saved' } });
      return;
    }
    const shape = secretShape(observed);
    if (shape.resourceVersion !== step.resourceVersion) {
      if (!lenient) throw new StepFailed({ kind: 'conflict' });
      if (value !== previousToken) throw new StepFailed({ kind: 'changed-by-others' });
    }
    update(index, { activity: { kind: 'patching' } });
    const ops = tokenPatch(shape, base64, new Date(port.now()).toISOString());
    try {
      await port.patchSecret(ref, ops);
      return;
    } catch (e) {
      const failure = classify(e, tokens, permissionFor(step, 'patch'));
      if (failure.kind === 'forbidden' || failure.kind === 'not-found')
        throw new StepFailed(failure);
      // Anything else may or may not have been applied: read the Secret back before saying which.
      update(index, { activity: { kind: 'reading-back' } });
      let after: SecretKind;
      try {
        after = await port.getSecret(ref);
      } catch {
        throw new StepFailed({ ...failure, uncertain: true, readBack: 'failed' });
      }
      if (decodedToken(after) === newToken) return;
      if (
        failure.kind === 'conflict' ||
        secretShape(after).resourceVersion !== shape.resourceVersion
      ) {
        // The patch tests the resourceVersion it was built on: it cannot apply any more.
        throw new StepFailed({ ...failure, kind: 'conflict' });
      }
      // The API answered (4xx, 5xx): the patch was not applied. Without an answer, it may still be:
      // Retry reads the Secret again and either finds the new token or sends the same patch again.
      if (ANSWERLESS.has(failure.kind)) {
        throw new StepFailed({ ...failure, uncertain: true, readBack: 'previous' });
      }
      throw new StepFailed(failure);
    }
  }

  async function restartStep(step: RestartPodsStep, index: number) {
    let oldUids = state.steps[index]?.oldUids;
    let oldNames = state.steps[index]?.oldPodNames ?? [];
    update(index, { activity: { kind: 'listing' } });
    let pods: PodKind[];
    try {
      pods = await port.listPods(step.namespace, step.selector);
    } catch (e) {
      throw new StepFailed(classify(e, tokens, permissionFor(step, 'list')));
    }
    if (!oldUids) {
      const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
      oldUids = live.map((p) => p.metadata?.uid ?? '').filter(Boolean);
      oldNames = live.map((p) => p.metadata?.name ?? '').filter(Boolean);
      update(index, { oldUids, oldPodNames: oldNames });
    }
    if (oldUids.length === 0) {
      update(index, { activity: { kind: 'no-pods' }, newPodNames: [] });
      return;
    }
    const known = oldUids;
    const toDelete = pods.filter(
      (p) => known.includes(p.metadata?.uid ?? '') && !p.metadata?.deletionTimestamp,
    );
    for (const [i, pod] of toDelete.entries()) {
      const name = pod.metadata?.name ?? '';
      update(index, {
        activity: { kind: 'deleting', pod: name, index: i + 1, total: toDelete.length },
      });
      try {
        await port.deletePod({
          namespace: step.namespace,
          name,
          ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}),
        });
      } catch (e) {
        const status = httpStatus(e);
        // Already gone (404), or replaced by a pod with the same name (409 on the uid precondition).
        if (status === 404 || status === 409) continue;
        throw new StepFailed(classify(e, tokens, permissionFor(step, 'delete')));
      }
    }
    update(index, { activity: { kind: 'waiting', ready: 0, expected: known.length } });
    try {
      const ready = await port.waitForReplacement({
        namespace: step.namespace,
        selector: step.selector,
        oldUids: known,
        expected: known.length,
        timeoutMs,
        onProgress: (r, expected) => {
          update(index, { activity: { kind: 'waiting', ready: r, expected } });
        },
      });
      update(index, {
        newPodNames: ready.map((p) => p.metadata?.name ?? '').filter(Boolean),
      });
    } catch (e) {
      throw new StepFailed(classify(e, tokens, permissionFor(step, 'watch')));
    }
  }
};

/** The permission a request of a step needs. */
export const permissionFor = (step: PlanStep, verb: string): Permission =>
  step.kind === 'patch-secret'
    ? { verb, resource: 'secrets', namespace: step.secret.namespace, name: step.secret.name }
    : { verb, resource: 'pods', namespace: step.namespace };
