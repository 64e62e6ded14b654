import {
  DataTest,
  REPORTER_NS,
  TOKEN_SECRET,
  expect,
  expectNoToken,
  secretPath,
  test,
} from './fixtures';
import { expectOutcome, isReady, openRotation, podsOf, review, rotateTo } from './rotation-helpers';

type Secret = {
  data?: Record<string, string>;
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
};

const TYPED_TOKEN = 'Rotated0Token1For2Browser3Tests4';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const LICENSING_NS = 'ibm-licensing';
const LICENSING_PODS = 'app=ibm-licensing-service-instance';

test.describe('rotation', () => {
  test('a typed token: reviewed plan, Secret patched (labels and other keys kept), pods replaced by Ready ones', async ({
    page,
    request,
    emulator,
    tokenOf,
    leaks,
  }) => {
    const oldToken = await tokenOf();
    const before = await emulator.getObject<Secret & { metadata: object }>(
      secretPath(REPORTER_NS, TOKEN_SECRET),
    );
    const podsBefore = await podsOf(request);
    expect(podsBefore.length).toBeGreaterThan(0);

    await openRotation(page);
    await page.getByTestId(DataTest.rotationTokenInput).fill(TYPED_TOKEN);
    await expect(page.getByTestId(DataTest.rotationTokenProblems)).toContainText(
      'The token meets every rule.',
    );
    const modal = await review(page);
    await expect(modal).toContainText(TOKEN_SECRET);
    await expect(modal).toContainText(REPORTER_NS);
    const planSteps = await modal.getByTestId(DataTest.rotationPlanStep).count();
    await page.getByTestId(DataTest.rotationConfirm).click();

    await expectOutcome(page, 'The token was rotated');
    const steps = page.getByTestId(DataTest.rotationStep);
    await expect(steps).toHaveCount(planSteps);
    for (let i = 0; i < planSteps; i++) {
      await expect(steps.nth(i)).toHaveAttribute('data-status', 'done');
    }

    const after = await emulator.getObject<Secret & { metadata: object }>(
      secretPath(REPORTER_NS, TOKEN_SECRET),
    );
    expect(after?.data?.token).toBe(b64(TYPED_TOKEN));
    expect(after?.metadata.labels).toEqual(before?.metadata.labels);
    const withoutToken = (data: Record<string, string> = {}) =>
      Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'token'));
    expect(withoutToken(after?.data)).toEqual(withoutToken(before?.data));
    expect(Object.keys(after?.data ?? {}).sort()).toEqual(Object.keys(before?.data ?? {}).sort());
    for (const [k, v] of Object.entries(before?.metadata.annotations ?? {})) {
      expect(after?.metadata.annotations?.[k]).toBe(v);
    }

    const podsAfter = await podsOf(request);
    const oldUids = new Set(podsBefore.map((p) => p.metadata.uid));
    expect(podsAfter.length).toBe(podsBefore.length);
    expect(podsAfter.filter((p) => oldUids.has(p.metadata.uid))).toEqual([]);
    expect(podsAfter.every(isReady)).toBe(true);

    await page.getByTestId(DataTest.rotationDone).click();
    await page.getByTestId(DataTest.revealToggle).click();
    await expect(page.getByTestId(DataTest.tokenValue)).toHaveText(TYPED_TOKEN);

    for (const token of [oldToken, TYPED_TOKEN]) {
      expectNoToken(leaks.urls.join('\n'), token, 'a requested URL');
      expectNoToken(leaks.consoleMessages.join('\n'), token, 'a console message');
    }
    const storage = await page.evaluate(() =>
      [localStorage, sessionStorage]
        .flatMap((st) => Object.keys(st).map((k) => `${k}=${st.getItem(k) ?? ''}`))
        .join('\n'),
    );
    expectNoToken(storage, TYPED_TOKEN, 'web storage');
  });

  test('a generated token is what gets saved', async ({ page, tokenOf }) => {
    await openRotation(page);
    await page.getByTestId(DataTest.rotationGenerate).click();
    const input = page.getByTestId(DataTest.rotationTokenInput);
    const generated = await input.inputValue();
    expect(generated).toMatch(/^[A-Za-z0-9]{32}$/);
    await review(page);
    await page.getByTestId(DataTest.rotationConfirm).click();
    await expectOutcome(page, 'The token was rotated');
    expect(await tokenOf()).toBe(generated);
  });

  test('invalid tokens are refused and nothing is sent', async ({ page, emulator, tokenOf }) => {
    const current = await tokenOf();
    await openRotation(page);
    await emulator.clearRequests();
    const input = page.getByTestId(DataTest.rotationTokenInput);
    const cases: [string, RegExp][] = [
      ['short1', /Too short/],
      ['has a space in it 0123456', /whitespace/],
      ['question?mark0123456789', /\?, % and &/],
      ['percent%sign0123456789', /\?, % and &/],
      ['amper&sand0123456789', /\?, % and &/],
      ['hash#sign0123456789ab', /"#" is not allowed/],
      ['plus+sign0123456789ab', /"\+" is not allowed/],
      ['accentuéé0123456789ab', /printable ASCII/],
      [current, /current token/],
    ];
    for (const [value, problem] of cases) {
      await input.fill(value);
      await expect(page.getByTestId(DataTest.rotationTokenProblem).first()).toBeVisible();
      await expect(page.getByTestId(DataTest.rotationTokenProblems)).toContainText(problem);
      const button = page.getByTestId(DataTest.rotationReview);
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await button.click({ force: true });
      await input.press('Enter');
      await expect(page.getByTestId(DataTest.rotationModal)).toHaveCount(0);
    }
    const writes = (await emulator.requests()).filter((r) => r.method !== 'GET' && !r.watch);
    expect(writes.filter((r) => !r.path.includes('selfsubjectaccessreviews'))).toEqual([]);
    expect(await tokenOf()).toBe(current);
  });

  test('a failed Secret patch changes nothing; Retry then succeeds', async ({
    page,
    emulator,
    tokenOf,
  }) => {
    const current = await tokenOf();
    await emulator.addFault({
      method: 'PATCH',
      resource: 'secrets',
      namespace: REPORTER_NS,
      name: TOKEN_SECRET,
      status: 500,
      message: 'etcd is unavailable',
      times: 1,
    });
    await rotateTo(page, TYPED_TOKEN);
    await expectOutcome(page, 'Nothing changed: the current token is still in use');
    await expect(page.getByTestId(DataTest.rotationStep).first()).toHaveAttribute(
      'data-status',
      'failed',
    );
    expect(await tokenOf()).toBe(current);
    await page.getByTestId(DataTest.rotationRetry).click();
    await expectOutcome(page, 'The token was rotated');
    expect(await tokenOf()).toBe(TYPED_TOKEN);
  });

  test('a failed pod restart leaves the new token saved; Retry resumes, Revert restores the old token', async ({
    page,
    emulator,
    tokenOf,
  }) => {
    const current = await tokenOf();
    await emulator.addFault({
      method: 'delete',
      resource: 'pods',
      namespace: REPORTER_NS,
      status: 403,
      message: 'pods is forbidden: injected',
      times: 1,
    });
    await rotateTo(page, TYPED_TOKEN);
    await expectOutcome(page, 'The new token IS saved, but a later step failed');
    expect(await tokenOf()).toBe(TYPED_TOKEN);
    await expect(page.getByTestId(DataTest.rotationOtherClusters)).toBeVisible();

    await page.getByTestId(DataTest.rotationRetry).click();
    await expectOutcome(page, 'The token was rotated');

    await page.getByTestId(DataTest.rotationRevert).click();
    const modal = page.getByTestId(DataTest.rotationModal);
    await expect(modal).toContainText('Review: revert to the previous token');
    await page.getByTestId(DataTest.rotationConfirm).click();
    await expectOutcome(page, 'The previous token is back in use');
    expect(await tokenOf()).toBe(current);
  });

  test('a failed License Service pod restart (last step): Retry finishes it', async ({
    page,
    request,
    emulator,
    tokenOf,
  }) => {
    const [lsPod] = await podsOf(request, REPORTER_NS, LICENSING_PODS);
    expect(lsPod).toBeDefined();
    await emulator.addFault({
      method: 'delete',
      resource: 'pods',
      namespace: REPORTER_NS,
      name: lsPod?.metadata.name ?? '',
      status: 500,
      message: 'injected failure',
      times: 1,
    });
    await rotateTo(page, TYPED_TOKEN);
    await expectOutcome(page, 'The new token IS saved, but a later step failed');
    const steps = page.getByTestId(DataTest.rotationStep);
    await expect(steps.last()).toHaveAttribute('data-status', 'failed');
    await expect(steps.first()).toHaveAttribute('data-status', 'done');
    await page.getByTestId(DataTest.rotationRetry).click();
    await expectOutcome(page, 'The token was rotated');
    expect(await tokenOf()).toBe(TYPED_TOKEN);
    const after = await podsOf(request, REPORTER_NS, LICENSING_PODS);
    expect(after.map((p) => p.metadata.uid)).not.toContain(lsPod?.metadata.uid);
    expect(after.every(isReady)).toBe(true);
  });

  test('the rotation completes when the pod watches drop mid-run', async ({
    page,
    request,
    emulator,
    tokenOf,
  }) => {
    test.setTimeout(120_000);
    await emulator.reset('default', { podReadyDelayMs: 3000 });
    const before = await podsOf(request);
    await rotateTo(page, TYPED_TOKEN);
    await expect(page.getByTestId(DataTest.rotationStep).nth(1)).toHaveAttribute(
      'data-status',
      'running',
    );
    expect(await emulator.dropWatches({ resource: 'pods' })).toBeGreaterThan(0);
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText(
      'The token was rotated',
      { timeout: 90_000 },
    );
    expect(await tokenOf()).toBe(TYPED_TOKEN);
    const after = await podsOf(request);
    const old = new Set(before.map((p) => p.metadata.uid));
    expect(after.some((p) => old.has(p.metadata.uid))).toBe(false);
    expect(after.every(isReady)).toBe(true);
  });

  test('two browsers rotating at once: the second sees its plan is stale and re-reviews', async ({
    browser,
    baseURL,
    tokenOf,
  }) => {
    const a = await browser.newContext({ baseURL });
    const b = await browser.newContext({ baseURL });
    try {
      const pageA = await a.newPage();
      const pageB = await b.newPage();
      const tokenA = 'FirstBrowserToken0123456789abcd';
      const tokenB = 'SecondBrowserToken0123456789abc';
      await openRotation(pageA);
      await openRotation(pageB);
      await pageA.getByTestId(DataTest.rotationTokenInput).fill(tokenA);
      await pageB.getByTestId(DataTest.rotationTokenInput).fill(tokenB);
      await review(pageA);
      await review(pageB);
      await pageA.getByTestId(DataTest.rotationConfirm).click();
      await expectOutcome(pageA, 'The token was rotated');
      expect(await tokenOf()).toBe(tokenA);

      await expect(pageB.getByTestId(DataTest.rotationStale)).toBeVisible({ timeout: 30_000 });
      await expect(pageB.getByTestId(DataTest.rotationConfirm)).toBeDisabled();
      await pageB.getByTestId(DataTest.rotationReviewAgain).click();
      await expect(pageB.getByTestId(DataTest.rotationStale)).toHaveCount(0);
      await pageB.getByTestId(DataTest.rotationConfirm).click();
      await expectOutcome(pageB, 'The token was rotated');
      expect(await tokenOf()).toBe(tokenB);

      // The first browser learns that the token changed under it.
      await pageA.getByTestId(DataTest.rotationDone).click();
      await expect(pageA.getByTestId(DataTest.changeNotice)).toBeVisible({ timeout: 30_000 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

test.describe('rotation with License Service in another namespace', () => {
  test.use({ fixture: 'other-namespace' });

  test('a failed patch of the License Service copy: Retry finishes both copies and both sets of pods', async ({
    page,
    request,
    emulator,
    tokenOf,
  }) => {
    const lsPodsBefore = await podsOf(request, LICENSING_NS, LICENSING_PODS);
    expect(lsPodsBefore.length).toBeGreaterThan(0);
    await emulator.addFault({
      method: 'PATCH',
      resource: 'secrets',
      namespace: LICENSING_NS,
      name: TOKEN_SECRET,
      status: 409,
      message: 'injected conflict',
      times: 1,
    });
    await openRotation(page, `?ns=${REPORTER_NS}&name=instance`);
    await page.getByTestId(DataTest.rotationTokenInput).fill(TYPED_TOKEN);
    const modal = await review(page);
    await expect(modal).toContainText(LICENSING_NS);
    await page.getByTestId(DataTest.rotationConfirm).click();
    await expect(
      page.getByTestId(DataTest.rotationStep).filter({ hasText: LICENSING_NS }).first(),
    ).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
    await expect(page.getByTestId(DataTest.rotationRetry)).toBeVisible();
    await page.getByTestId(DataTest.rotationRetry).click();
    await expectOutcome(page, 'The token was rotated');
    expect(await tokenOf(REPORTER_NS, TOKEN_SECRET)).toBe(TYPED_TOKEN);
    expect(await tokenOf(LICENSING_NS, TOKEN_SECRET)).toBe(TYPED_TOKEN);
    const lsPodsAfter = await podsOf(request, LICENSING_NS, LICENSING_PODS);
    const oldUids = new Set(lsPodsBefore.map((p) => p.metadata.uid));
    expect(lsPodsAfter.filter((p) => oldUids.has(p.metadata.uid))).toEqual([]);
    expect(lsPodsAfter.every(isReady)).toBe(true);
  });
});
