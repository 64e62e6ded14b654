import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../cluster/control-client';
import {
  DataTest,
  REPORTER_NS,
  TOKEN_PAGE,
  TOKEN_SECRET,
  expect,
  secretPath,
  test,
} from './fixtures';
import {
  REPORTER_PODS,
  expectOutcome,
  isReady,
  openRotation,
  podsOf,
  review,
} from './rotation-helpers';

const NEW_TOKEN = 'MidRun0Token1For2Browser3Tests45';
const FORBIDDEN_PATCH = `secrets "${TOKEN_SECRET}" is forbidden: User "admin" cannot patch resource "secrets" in API group "" in the namespace "${REPORTER_NS}"`;
const FORBIDDEN_DELETE = `pods "{{name}}" is forbidden: User "admin" cannot delete resource "pods" in API group "" in the namespace "${REPORTER_NS}"`;

type Secret = { data?: Record<string, string>; metadata: { resourceVersion?: string } };

const reporterSecret = (emulator: EmulatorControl) =>
  emulator.getObject<Secret & { metadata: object }>(secretPath(REPORTER_NS, TOKEN_SECRET));

/** Deletions of pods in the Reporter namespace found in the emulator's request log. */
const podDeletions = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter(
    (r) => r.method === 'DELETE' && r.path.includes(`/namespaces/${REPORTER_NS}/pods`),
  );

/** Starts a rotation to NEW_TOKEN whose Reporter pod replacement never gets Ready. */
const startStuckRun = async (page: Page, emulator: EmulatorControl) => {
  await emulator.setNeverReady(REPORTER_NS, REPORTER_PODS);
  await openRotation(page);
  await page.getByTestId(DataTest.rotationTokenInput).fill(NEW_TOKEN);
  await review(page);
  await page.getByTestId(DataTest.rotationConfirm).click();
  const waiting = page
    .getByTestId(DataTest.rotationStep)
    .filter({ hasText: `Restart the Reporter pods in ${REPORTER_NS}` });
  await expect(waiting).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await expect(waiting).toContainText('Waiting for replacement pods to be Running and Ready', {
    timeout: 30_000,
  });
  return waiting;
};

/** Lets the stuck run finish: new pods get Ready again and the stuck replacement is replaced. */
const unstick = async (page: Page, emulator: EmulatorControl) => {
  await emulator.clearNeverReady();
  const stuck = (await podsOf(page.request)).filter(
    (p) => !p.metadata.deletionTimestamp && !isReady(p),
  );
  expect(stuck.length).toBeGreaterThan(0);
  for (const pod of stuck) {
    await emulator.deleteObject(`/api/v1/namespaces/${REPORTER_NS}/pods/${pod.metadata.name}`);
  }
  await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText('The token was rotated', {
    timeout: 60_000,
  });
};

test.describe('rotation refused by the API', () => {
  test('a Secret patch refused with 403: nothing changed, the missing permission is named, no pod deleted', async ({
    page,
    emulator,
    tokenOf,
  }) => {
    const current = await tokenOf();
    const before = await reporterSecret(emulator);
    await emulator.addFault({
      method: 'PATCH',
      resource: 'secrets',
      namespace: REPORTER_NS,
      name: TOKEN_SECRET,
      status: 403,
      message: FORBIDDEN_PATCH,
    });
    await openRotation(page);
    await page.getByTestId(DataTest.rotationTokenInput).fill(NEW_TOKEN);
    await review(page);
    await emulator.clearRequests();
    await page.getByTestId(DataTest.rotationConfirm).click();

    const outcome = page.getByTestId(DataTest.rotationOutcome);
    await expectOutcome(page, 'Nothing changed: the current token is still in use');
    await expect(outcome).toContainText(
      `Permission denied: your user may not patch secrets "${TOKEN_SECRET}" in namespace ${REPORTER_NS}. Ask a cluster administrator for it, then retry.`,
    );
    await expect(outcome).toContainText(`The API said: ${FORBIDDEN_PATCH}`);
    await expect(outcome).not.toContainText('IS saved');
    const steps = page.getByTestId(DataTest.rotationStep);
    await expect(steps.first()).toHaveAttribute('data-status', 'failed');
    const count = await steps.count();
    for (let i = 1; i < count; i++) {
      await expect(steps.nth(i)).toHaveAttribute('data-status', 'pending');
    }
    await expect(page.getByTestId(DataTest.rotationRetry)).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationRevert)).toHaveCount(0);
    await expect(page.getByTestId(DataTest.rotationOtherClusters)).toHaveCount(0);

    expect(await tokenOf()).toBe(current);
    const after = await reporterSecret(emulator);
    expect(after?.data).toEqual(before?.data);
    expect(after?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion);
    const log = await emulator.requests();
    const patches = log.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([403]);
    expect(await podDeletions(emulator)).toEqual([]);
  });

  test('a Reporter pod delete refused with 403 after an allowed review: the new token IS saved, the step and permission are named', async ({
    page,
    request,
    emulator,
    tokenOf,
  }) => {
    const [pod] = await podsOf(request);
    expect(pod).toBeDefined();
    const name = pod?.metadata.name ?? '';
    await emulator.addFault({
      method: 'DELETE',
      resource: 'pods',
      namespace: REPORTER_NS,
      name,
      status: 403,
      message: FORBIDDEN_DELETE.replace('{{name}}', name),
    });
    await openRotation(page);
    await page.getByTestId(DataTest.rotationTokenInput).fill(NEW_TOKEN);
    const modal = await review(page);
    // The access review allowed every step: nothing is reported missing.
    await expect(modal.getByTestId(DataTest.rotationMissingAccess)).toHaveCount(0);
    await page.getByTestId(DataTest.rotationConfirm).click();

    const outcome = page.getByTestId(DataTest.rotationOutcome);
    await expectOutcome(page, 'The new token IS saved, but a later step failed');
    await expect(outcome).toContainText(
      `The new token is saved in ${REPORTER_NS}/${TOKEN_SECRET}. Step "Restart the Reporter pods in ${REPORTER_NS}" failed: Permission denied: your user may not delete pods in namespace ${REPORTER_NS}.`,
    );
    await expect(outcome).toContainText(
      `The API said: ${FORBIDDEN_DELETE.replace('{{name}}', name)}`,
    );
    await expect(
      page
        .getByTestId(DataTest.rotationStep)
        .filter({ hasText: `Restart the Reporter pods in ${REPORTER_NS}` }),
    ).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId(DataTest.rotationRetry)).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationRevert)).toBeVisible();
    expect(await tokenOf()).toBe(NEW_TOKEN);
    // The run stopped at the refused delete: the pod is still there and nothing else was deleted.
    expect((await podsOf(request)).map((p) => p.metadata.uid)).toContain(pod?.metadata.uid);
    expect((await podDeletions(emulator)).map((r) => r.status)).toEqual([403]);
  });
});

test.describe('leaving while a rotation runs', () => {
  test('a reload asks first (beforeunload); staying keeps the run, which then finishes', async ({
    page,
    emulator,
    tokenOf,
  }) => {
    test.setTimeout(120_000);
    const waiting = await startStuckRun(page, emulator);
    // The confirm click was a user gesture on the page: Chromium shows the prompt.
    const prompt = page.waitForEvent('dialog', { timeout: 15_000 });
    const reload = page
      .evaluate(() => {
        window.location.reload();
      })
      .catch(() => undefined);
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await reload;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });

    await expect(page.getByTestId(DataTest.rotationProgress)).toBeVisible();
    await expect(waiting).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText('Rotation in progress');
    expect(await tokenOf()).toBe(NEW_TOKEN);

    await unstick(page, emulator);
    // Once the run has ended, leaving does not ask any more.
    await page.reload();
    await expect(page.getByTestId(DataTest.page)).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test('browsing to another console page and back shows the run again', async ({
    page,
    emulator,
    tokenOf,
  }) => {
    test.setTimeout(120_000);
    await startStuckRun(page, emulator);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });

    await page
      .getByRole('navigation', { name: 'Global' })
      .getByRole('link', { name: 'Secrets' })
      .click();
    await expect(page).toHaveURL(/\/k8s\/(ns\/[^/]+|all-namespaces)\/secrets$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationProgress)).toHaveCount(0);

    await page
      .getByRole('navigation', { name: 'Global' })
      .getByRole('link', { name: 'License Service Reporter token' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${TOKEN_PAGE}$`));
    await expect(page.getByTestId(DataTest.rotationProgress)).toBeVisible();
    await expect(
      page
        .getByTestId(DataTest.rotationStep)
        .filter({ hasText: `Restart the Reporter pods in ${REPORTER_NS}` }),
    ).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText('Rotation in progress');
    // The form is not offered while the run is shown.
    await expect(page.getByTestId(DataTest.rotationTokenInput)).toHaveCount(0);

    await unstick(page, emulator);
    expect(await tokenOf()).toBe(NEW_TOKEN);
    // In-console navigation is not an unload: no browser prompt.
    expect(dialogs).toEqual([]);
  });
});
