/**
 * Starts and resumes runs in the module store. One run per Reporter at a time.
 */
import type { RotationPlan } from './plan';
import { runRotation, type RotationPort } from './run';
import { getRotation, setRotation, updateRotation, type RotationRecord } from './store';

export type LaunchRequest = {
  plan: RotationPlan;
  newToken: string;
  previousToken: string;
  kind: RotationRecord['kind'];
  port: RotationPort;
  timeoutMs?: number;
};

const execute = async (key: string, request: LaunchRequest, resume?: RotationRecord['state']) => {
  const final = await runRotation(
    {
      plan: request.plan,
      newToken: request.newToken,
      previousToken: request.previousToken,
      port: request.port,
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      onUpdate: (state) => {
        updateRotation(key, { state });
      },
    },
    resume,
  );
  updateRotation(key, { state: final, running: false });
  return final;
};

/** Starts a reviewed run. Returns undefined (and starts nothing) when one already runs. */
export const launchRotation = (request: LaunchRequest) => {
  const key = request.plan.key;
  if (getRotation(key)?.running) return undefined;
  setRotation({
    key,
    kind: request.kind,
    plan: request.plan,
    newToken: request.newToken,
    previousToken: request.previousToken,
    running: true,
    state: {
      steps: request.plan.steps.map((s) => ({ id: s.id, status: 'pending' })),
      outcome: { kind: 'running' },
      savedIn: [],
      startedAt: request.port.now(),
    },
  });
  return execute(key, request);
};

/** Resumes a failed run from its failed step. */
export const retryRotation = (key: string, port: RotationPort, timeoutMs?: number) => {
  const record = getRotation(key);
  if (!record || record.running || record.state.outcome.kind !== 'failed') return undefined;
  if (!record.state.outcome.canRetry) return undefined;
  updateRotation(key, { running: true });
  return execute(
    key,
    {
      plan: record.plan,
      newToken: record.newToken,
      previousToken: record.previousToken,
      kind: record.kind,
      port,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
    record.state,
  );
};
