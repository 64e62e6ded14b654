import type { APIRequestContext, Page } from '@playwright/test';
import { DataTest, REPORTER_NS, expect, openTokenPage } from './fixtures';

export type Pod = {
  metadata: { name: string; uid: string; deletionTimestamp?: string };
  status?: { conditions?: { type: string; status: string }[] };
};

export const REPORTER_PODS = 'app=ibm-license-service-reporter-instance';

/** Pods through the stand-in's API (as admin, the default user). */
export const podsOf = async (
  request: APIRequestContext,
  namespace = REPORTER_NS,
  selector = REPORTER_PODS,
): Promise<Pod[]> => {
  const r = await request.get(
    `/api/kubernetes/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`,
  );
  expect(r.ok()).toBe(true);
  return ((await r.json()) as { items: Pod[] }).items;
};

export const isReady = (p: Pod) =>
  !p.metadata.deletionTimestamp &&
  !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** Opens the token page and its rotation section, once the cluster state is read. */
export const openRotation = async (page: Page, query = '') => {
  await openTokenPage(page, query);
  await page.getByTestId(DataTest.rotateButton).click();
  await expect(page.getByTestId(DataTest.rotationSection)).toBeVisible();
  await expect(page.getByTestId(DataTest.rotationLoading)).toHaveCount(0);
};

/** Opens the review of the token in the form and waits until it can be confirmed. */
export const review = async (page: Page) => {
  await page.getByTestId(DataTest.rotationReview).click();
  const modal = page.getByTestId(DataTest.rotationModal);
  await expect(modal).toBeVisible();
  await expect(modal.getByTestId(DataTest.rotationPlanStep).first()).toBeVisible();
  await expect(page.getByTestId(DataTest.rotationConfirm)).toBeEnabled();
  return modal;
};

export const expectOutcome = async (page: Page, text: string | RegExp) => {
  await expect(page.getByTestId(DataTest.rotationOutcome)).toContainText(text, { timeout: 30_000 });
};

/** Opens the rotation section, enters `token`, reviews the plan and confirms it. */
export const rotateTo = async (page: Page, token: string, query = '') => {
  await openRotation(page, query);
  await page.getByTestId(DataTest.rotationTokenInput).fill(token);
  await review(page);
  await page.getByTestId(DataTest.rotationConfirm).click();
};
