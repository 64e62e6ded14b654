import { useCallback, useEffect, useRef, useState } from 'react';

/** Why a copy did not reach the clipboard. */
export type ClipboardFailureReason =
  /** No Clipboard API: the page is not a secure context (plain HTTP) or the browser lacks it. */
  | 'unavailable'
  /** The browser refused the write (permission denied, document not focused...). */
  | 'refused'
  /** There was nothing to copy. */
  | 'empty';

export type ClipboardStatus =
  { state: 'idle' } | { state: 'copied' } | { state: 'failed'; reason: ClipboardFailureReason };

export type UseClipboardResult = {
  status: ClipboardStatus;
  /**
   * Copies `value` (or what the getter returns at the time of the call, so a secret is read only
   * when the user asks). Resolves true when the text reached the clipboard.
   */
  copy: (value: string | (() => string | undefined)) => Promise<boolean>;
  /** Back to idle (e.g. when the user dismisses a fallback). */
  reset: () => void;
};

/** True when the asynchronous Clipboard API can be used on this page. */
export const isClipboardAvailable = (): boolean =>
  typeof window !== 'undefined' &&
  window.isSecureContext &&
  typeof navigator !== 'undefined' &&
  typeof (navigator.clipboard as Clipboard | undefined)?.writeText === 'function';

/**
 * Copy to the clipboard with a status. "copied" returns to "idle" after `resetAfterMs`;
 * "failed" stays until `reset()` or the next copy, so a fallback can stay on screen.
 * Never logs or stores the value.
 */
export const useClipboard = (resetAfterMs = 2500): UseClipboardResult => {
  const [status, setStatus] = useState<ClipboardStatus>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const settle = useCallback(
    (next: ClipboardStatus) => {
      if (!mounted.current) return;
      clearTimeout(timer.current);
      setStatus(next);
      if (next.state === 'copied') {
        timer.current = setTimeout(() => {
          if (mounted.current) setStatus({ state: 'idle' });
        }, resetAfterMs);
      }
    },
    [resetAfterMs],
  );

  const copy = useCallback(
    async (value: string | (() => string | undefined)): Promise<boolean> => {
      const text = typeof value === 'function' ? value() : value;
      if (!text) {
        settle({ state: 'failed', reason: 'empty' });
        return false;
      }
      if (!isClipboardAvailable()) {
        settle({ state: 'failed', reason: 'unavailable' });
        return false;
      }
      try {
        await navigator.clipboard.writeText(text);
        settle({ state: 'copied' });
        return true;
      } catch {
        settle({ state: 'failed', reason: 'refused' });
        return false;
      }
    },
    [settle],
  );

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    setStatus({ state: 'idle' });
  }, []);

  return { status, copy, reset };
};
