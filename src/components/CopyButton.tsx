import { useEffect, useRef, useState } from 'react';
import type { FocusEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextInput } from '@patternfly/react-core';
import { CopyIcon } from '@patternfly/react-icons';
import { DataTest } from '../data-test';
import { useClipboard } from '../hooks/useClipboard';
import type { ClipboardFailureReason } from '../hooks/useClipboard';

export type CopyButtonProps = {
  /**
   * What to copy: the text, or a getter called only when the user clicks (use a getter for a
   * secret, so it is read at that moment and never rendered).
   */
  value: string | (() => string | undefined);
  /** Accessible name of the button, e.g. "Copy API token". */
  'aria-label': string;
  /** Visible label next to the icon; icon-only when absent. */
  children?: ReactNode;
  /** data-test of the button. */
  dataTest?: string;
  /** Accessible name of the fallback field shown when the clipboard cannot be used. */
  fallbackLabel?: string;
  isDisabled?: boolean;
};

const resolve = (value: CopyButtonProps['value']): string | undefined =>
  typeof value === 'function' ? value() : value;

/**
 * A copy button with "Copied" feedback (announced through an aria-live region). When the
 * Clipboard API is unavailable or refuses, it shows the value in a selected read-only field with
 * the reason and a Hide button, so the user can still copy it with the keyboard.
 *
 * The fallback keeps no copy of the value: it shows what `value` gives now, so a token that changed
 * meanwhile is never shown (or copied) stale, and the value is not held once the field is hidden.
 */
export const CopyButton = ({
  value,
  'aria-label': ariaLabel,
  children,
  dataTest,
  fallbackLabel,
  isDisabled,
}: CopyButtonProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const { status, copy, reset } = useClipboard();
  const [fallbackShown, setFallbackShown] = useState(false);
  const fallbackRef = useRef<HTMLInputElement>(null);
  const fallbackText = fallbackShown ? resolve(value) || undefined : undefined;

  useEffect(() => {
    if (fallbackShown) {
      fallbackRef.current?.focus();
      fallbackRef.current?.select();
    }
  }, [fallbackShown]);

  const onClick = async () => {
    setFallbackShown(false);
    const ok = await copy(() => resolve(value));
    if (!ok) setFallbackShown(true);
  };

  const hide = () => {
    setFallbackShown(false);
    reset();
  };

  const reasonText = (reason: ClipboardFailureReason): string => {
    switch (reason) {
      case 'unavailable':
        return t(
          'This page cannot use the clipboard: the console is not served over HTTPS or the browser does not offer the Clipboard API.',
        );
      case 'refused':
        return t('The browser refused access to the clipboard.');
      case 'empty':
        return t('There is nothing to copy.');
    }
  };

  return (
    <>
      <Button
        variant={children ? 'secondary' : 'plain'}
        icon={<CopyIcon />}
        aria-label={ariaLabel}
        data-test={dataTest}
        isDisabled={isDisabled}
        onClick={() => void onClick()}
      >
        {children}
      </Button>
      <span role="status" aria-live="polite" data-test={DataTest.copyStatus}>
        {status.state === 'copied' ? t('Copied') : ''}
      </span>
      {status.state === 'failed' && (
        <Alert
          isInline
          isPlain
          variant={status.reason === 'empty' ? 'danger' : 'warning'}
          title={reasonText(status.reason)}
        >
          {fallbackText !== undefined && (
            <>
              <p>
                {t(
                  'The value is selected in the field below: press Ctrl+C (⌘+C on macOS) to copy it, then hide it.',
                )}
              </p>
              <TextInput
                ref={fallbackRef}
                readOnlyVariant="default"
                value={fallbackText}
                aria-label={fallbackLabel ?? t('Value to copy')}
                data-test={DataTest.copyFallback}
                onFocus={(e: FocusEvent<HTMLInputElement>) => {
                  e.currentTarget.select();
                }}
              />
              <Button variant="link" isInline onClick={hide} data-test={DataTest.copyFallbackHide}>
                {t('Hide')}
              </Button>
            </>
          )}
        </Alert>
      )}
    </>
  );
};
