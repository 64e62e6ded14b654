/**
 * Reading the errors that useK8sWatchResource reports (an HttpError from consoleFetch, or a plain
 * Error such as "Model does not exist"). Pure.
 */

/** HTTP status of a watch/fetch error, when it has one. */
export const httpStatusOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as {
    code?: unknown;
    response?: { status?: unknown };
    json?: { code?: unknown };
  };
  for (const candidate of [e.code, e.response?.status, e.json?.code]) {
    if (typeof candidate === 'number') return candidate;
  }
  return undefined;
};

/** A short, readable description of an error (never includes response bodies). */
export const errorMessageOf = (error: unknown): string => {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  const status = httpStatusOf(error);
  return status ? `HTTP ${status}` : 'Unknown error';
};

/** True for the SDK's error when a model (CRD) is not installed. */
export const isMissingModelError = (error: unknown): boolean =>
  /model does not exist/i.test(errorMessageOf(error));
