import { seriousViolations, setDark } from './axe';
import { DataTest, REPORTER_NS, expect, openTokenPage, test } from './fixtures';
import { REPORTER_PODS, expectOutcome, isReady, podsOf, review } from './rotation-helpers';

const NEW_TOKEN = 'Accessible0Token1For2Browser3Te';
const MODAL = `[data-test="${DataTest.rotationModal}"]`;

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the rotation: review, failed step, run in progress, finished (${theme})`, async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(120_000);
    await openTokenPage(page);
    await setDark(page, theme === 'dark');
    await expect(page.locator('html')).toHaveClass(
      theme === 'dark' ? /pf-v6-theme-dark/ : /^(?!.*pf-v6-theme-dark).*$/,
    );
    await page.getByTestId(DataTest.rotateButton).click();
    await expect(page.getByTestId(DataTest.rotationSection)).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationLoading)).toHaveCount(0);
    await page.getByTestId(DataTest.rotationTokenInput).fill(NEW_TOKEN);

    // The review dialog, once the permissions are checked.
    await review(page);
    expect(await seriousViolations(page, MODAL)).toEqual([]);

    // A failed step after the Secret was saved: the reason, Retry and Revert.
    await emulator.addFault({
      method: 'DELETE',
      resource: 'pods',
      namespace: REPORTER_NS,
      status: 403,
      message: `pods is forbidden: User "admin" cannot delete resource "pods" in API group "" in the namespace "${REPORTER_NS}"`,
      times: 1,
    });
    await page.getByTestId(DataTest.rotationConfirm).click();
    await expectOutcome(page, 'The new token IS saved, but a later step failed');
    await expect(page.getByTestId(DataTest.rotationRetry)).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationRevert)).toBeVisible();
    await expect(page.getByTestId(DataTest.rotationOtherClusters)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The run in progress: the replacement pod never gets Ready, so the wait goes on.
    await emulator.setNeverReady(REPORTER_NS, REPORTER_PODS);
    await page.getByTestId(DataTest.rotationRetry).click();
    const restart = page
      .getByTestId(DataTest.rotationStep)
      .filter({ hasText: `Restart the Reporter pods in ${REPORTER_NS}` });
    await expect(restart).toContainText('Waiting for replacement pods to be Running and Ready', {
      timeout: 30_000,
    });
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText('Rotation in progress');
    expect(await seriousViolations(page)).toEqual([]);

    // Finished: every step done, what to do on other clusters, with the token shown.
    await emulator.clearNeverReady();
    for (const pod of (await podsOf(request)).filter(
      (p) => !p.metadata.deletionTimestamp && !isReady(p),
    )) {
      await emulator.deleteObject(`/api/v1/namespaces/${REPORTER_NS}/pods/${pod.metadata.name}`);
    }
    await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText(
      'The token was rotated',
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId(DataTest.rotationRevert)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId(DataTest.rotationOtherReveal).click();
    await expect(page.getByTestId(DataTest.rotationTokenYaml)).toContainText(NEW_TOKEN);
    expect(await seriousViolations(page)).toEqual([]);

    // The review of a revert.
    await page.getByTestId(DataTest.rotationRevert).click();
    await expect(page.getByTestId(DataTest.rotationModal)).toContainText(
      'Review: revert to the previous token',
    );
    await expect(page.getByTestId(DataTest.rotationConfirm)).toBeEnabled();
    expect(await seriousViolations(page, MODAL)).toEqual([]);
  });
}
