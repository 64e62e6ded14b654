import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { HttpError, TimeoutError } from './http-error';

/** Value of the `csrf-token` cookie the server sets on the index page. */
export const getCSRFToken = (): string | undefined =>
  document.cookie
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c.startsWith('csrf-token='))
    .map((c) => c.slice('csrf-token='.length))
    .pop();

class RetryError extends Error {
  constructor(public readonly retryAfterMs: number) {
    super('Too many requests');
  }
}

const MAX_RETRIES = 3;

const statusMessage = (json: unknown, fallback: string): string => {
  const status = (json ?? {}) as {
    message?: string;
    error?: string;
    details?: { causes?: { message?: string; field?: string }[] };
  };
  const cause = status.details?.causes?.[0];
  if (cause?.message) {
    return `Error "${cause.message}" for field "${cause.field ?? ''}".`;
  }
  return status.message || status.error || fallback;
};

const validateStatus = async (response: Response, retry: boolean): Promise<Response> => {
  if (response.ok) {
    return response;
  }
  if (retry && response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new RetryError(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 500);
  }
  if (response.status === 401) {
    // The console sends the user to the login page here; the stand-in has no login to go to.
    window.dispatchEvent(new CustomEvent('console-unauthorized'));
  }
  const contentType = response.headers.get('content-type');
  if (!contentType || !contentType.includes('json')) {
    throw new HttpError(response.statusText, response.status, response);
  }
  const json: unknown = await response.json();
  if (response.status === 403) {
    const message = (json as { message?: string } | null)?.message;
    throw new HttpError(
      message || 'Access denied due to cluster policy.',
      response.status,
      response,
      json,
    );
  }
  throw new HttpError(statusMessage(json, response.statusText), response.status, response, json);
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const headersToObject = (headers: HeadersInit | undefined): Record<string, string> => {
  if (!headers) {
    return {};
  }
  if (Array.isArray(headers)) {
    return Object.fromEntries(headers);
  }
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const out: Record<string, string> = {};
    headers.forEach((value, key) => {
      out[key] = value;
    });
    return out;
  }
  return { ...(headers as Record<string, string>) };
};

/** fetch with same-origin cookies, the CSRF header on non-GET, 429 retries, a timeout, HttpError on failure. */
export const consoleFetch: typeof SDK.consoleFetch = async (url, options = {}, timeout = 60000) => {
  const headers = headersToObject(options.headers);
  const method = options.method;
  if (method !== 'GET') {
    const csrf = getCSRFToken();
    if (csrf !== undefined) {
      headers['X-CSRFToken'] = csrf;
    }
  }
  if (url.includes('://')) {
    // Absolute URL: not a console request, never send credentials to it.
    delete headers.Authorization;
    delete headers['X-CSRFToken'];
  }
  const init: RequestInit = { credentials: 'same-origin', ...options, headers };
  const attempt = async (retriesLeft: number): Promise<Response> => {
    try {
      return await validateStatus(await fetch(url, init), retriesLeft > 0);
    } catch (e) {
      if (e instanceof RetryError && retriesLeft > 0) {
        await delay(e.retryAfterMs);
        return attempt(retriesLeft - 1);
      }
      throw e;
    }
  };
  const fetchPromise = attempt(MAX_RETRIES);
  if (timeout <= 0) {
    return fetchPromise;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeoutPromise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError(url, timeout));
    }, timeout);
  });
  try {
    return await Promise.race([fetchPromise, timeoutPromise]);
  } finally {
    clearTimeout(timer);
  }
};

type As = 'json' | 'text';

const consoleFetchCommon = async (
  url: string,
  method: string,
  options: RequestInit,
  timeout: number | undefined,
  as: As,
): Promise<unknown> => {
  const response = await consoleFetch(url, { ...options, method }, timeout);
  if (as === 'text') {
    return response.text();
  }
  if (response.headers.get('Content-Length') === '0') {
    return {};
  }
  const contentType = response.headers.get('Content-Type');
  if (contentType?.includes('application/json')) {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : {};
  }
  return response.text();
};

const withHeaders = (
  options: RequestInit | undefined,
  extra: Record<string, string>,
): RequestInit => ({
  ...options,
  headers: { ...extra, ...headersToObject(options?.headers) },
});

const sendJSON = (
  url: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  json: unknown,
  options: RequestInit | undefined,
  timeout: number | undefined,
) =>
  consoleFetchCommon(
    url,
    method,
    {
      ...withHeaders(options, {
        Accept: 'application/json',
        'Content-Type': `application/${method === 'PATCH' ? 'json-patch+' : ''}json;charset=UTF-8`,
      }),
      ...(json !== null && json !== undefined ? { body: JSON.stringify(json) } : {}),
    },
    timeout,
    'json',
  );

const fetchJSON = (url: string, method = 'GET', options: RequestInit = {}, timeout?: number) =>
  consoleFetchCommon(
    url,
    method,
    withHeaders(options, { Accept: 'application/json' }),
    timeout,
    'json',
  );

export const consoleFetchJSON: typeof SDK.consoleFetchJSON = Object.assign(fetchJSON, {
  delete: (url: string, json: unknown = null, options: RequestInit = {}, timeout?: number) =>
    json
      ? sendJSON(url, 'DELETE', json, options, timeout)
      : fetchJSON(url, 'DELETE', options, timeout),
  post: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'POST', json, options, timeout),
  put: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'PUT', json, options, timeout),
  patch: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'PATCH', json, options, timeout),
});

export const consoleFetchText: typeof SDK.consoleFetchText = (url, options = {}, timeout) =>
  consoleFetchCommon(url, options.method ?? 'GET', options, timeout, 'text');
