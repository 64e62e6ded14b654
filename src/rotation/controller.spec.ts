import { buildPlan } from './plan';
import { launchRotation, retryRotation } from './controller';
import {
  FINISHED_TTL_MS,
  dismissRotation,
  getRotation,
  resetRotations,
  setRotation,
  subscribeRotations,
  updateRotation,
  type RotationRecord,
} from './store';
import { inputFrom, loadFixtures } from './testing/fixtures';
import { ApiError, MemoryCluster } from './testing/memory-port';

const OLD = 'Ox50X8n7RpfqCpNReNRDY5cc';
const NEW = 'Zq8mW3kPv7Lr2Tn9Xb4Hc6Jd1Fg5Ys0A';
const objects = loadFixtures('reporter-instance.yaml');
const plan = buildPlan(inputFrom(objects, 'ibm-ls-reporter', 'instance'));

describe('rotation store and controller', () => {
  beforeEach(() => {
    resetRotations();
  });

  it('keeps the run by Reporter, refuses a second start while it runs, notifies subscribers', async () => {
    const cluster = new MemoryCluster(objects);
    const port = cluster.port();
    let release: () => void = () => undefined;
    const held = {
      ...port,
      waitForReplacement: (r: Parameters<typeof port.waitForReplacement>[0]) =>
        new Promise<void>((resolve) => {
          release = resolve;
        }).then(() => port.waitForReplacement(r)),
    };
    let notified = 0;
    const unsubscribe = subscribeRotations(() => {
      notified += 1;
    });

    const first = launchRotation({
      plan,
      newToken: NEW,
      previousToken: OLD,
      kind: 'rotate',
      port: held,
    });
    expect(first).toBeDefined();
    expect(getRotation(plan.key)?.running).toBe(true);
    expect(
      launchRotation({
        plan,
        newToken: 'Another1Token2That3Is4Valid',
        previousToken: OLD,
        kind: 'rotate',
        port,
      }),
    ).toBeUndefined();
    dismissRotation(plan.key); // a running record is kept
    expect(getRotation(plan.key)).toBeDefined();

    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    expect(getRotation(plan.key)).toMatchObject({
      running: false,
      state: { outcome: { kind: 'succeeded' } },
    });
    expect(notified).toBeGreaterThan(3);
    dismissRotation(plan.key);
    expect(getRotation(plan.key)).toBeUndefined();
    unsubscribe();
  });

  it('retry resumes a failed run and refuses when there is nothing to retry', async () => {
    const cluster = new MemoryCluster(objects);
    cluster.faults.push({ op: 'listPods', error: () => new ApiError(500, 'x') });
    await launchRotation({
      plan,
      newToken: NEW,
      previousToken: OLD,
      kind: 'rotate',
      port: cluster.port(),
    });
    expect(getRotation(plan.key)?.state.outcome).toMatchObject({
      kind: 'failed',
      tokenSaved: 'yes',
    });
    await retryRotation(plan.key, cluster.port());
    expect(getRotation(plan.key)?.state.outcome.kind).toBe('succeeded');
    expect(retryRotation(plan.key, cluster.port())).toBeUndefined();
  });

  describe('finished runs expire once nothing shows them', () => {
    const record = (running: boolean): RotationRecord => ({
      key: plan.key,
      kind: 'rotate',
      plan,
      newToken: NEW,
      previousToken: OLD,
      running,
      state: { steps: [], outcome: { kind: 'succeeded' }, savedIn: [], startedAt: 0 },
    });

    beforeEach(() => {
      jest.useFakeTimers();
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('is forgotten FINISHED_TTL_MS after the last subscriber left', () => {
      const first = subscribeRotations(() => undefined);
      const second = subscribeRotations(() => undefined);
      setRotation(record(false));
      first();
      jest.advanceTimersByTime(FINISHED_TTL_MS * 2);
      expect(getRotation(plan.key)).toBeDefined(); // one subscriber is left
      second();
      jest.advanceTimersByTime(FINISHED_TTL_MS - 1);
      expect(getRotation(plan.key)?.newToken).toBe(NEW);
      jest.advanceTimersByTime(1);
      expect(getRotation(plan.key)).toBeUndefined();
    });

    it('a subscriber coming back in time keeps it', () => {
      setRotation(record(false));
      subscribeRotations(() => undefined)();
      jest.advanceTimersByTime(FINISHED_TTL_MS - 1000);
      const back = subscribeRotations(() => undefined);
      jest.advanceTimersByTime(FINISHED_TTL_MS * 2);
      expect(getRotation(plan.key)).toBeDefined();
      back();
      jest.advanceTimersByTime(FINISHED_TTL_MS);
      expect(getRotation(plan.key)).toBeUndefined();
    });

    it('a running one is kept; it expires after it ends unwatched', () => {
      setRotation(record(true));
      subscribeRotations(() => undefined)();
      jest.advanceTimersByTime(FINISHED_TTL_MS * 3);
      expect(getRotation(plan.key)?.running).toBe(true);
      updateRotation(plan.key, { running: false });
      jest.advanceTimersByTime(FINISHED_TTL_MS - 1);
      expect(getRotation(plan.key)).toBeDefined();
      jest.advanceTimersByTime(1);
      expect(getRotation(plan.key)).toBeUndefined();
    });
  });
});
