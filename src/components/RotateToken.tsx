import { Component, lazy, Suspense, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, HelperText, HelperTextItem, Spinner } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { useRotateAccess } from '../hooks/useRotateAccess';
import type { ReporterInstance, SecretKind } from '../reporter/types';
import { useRotationOf } from '../rotation/store';

// The rotation code is a separate chunk, downloaded on first use (or on hover/focus of the button).
const loadRotation = () => import('../rotation/RotationSection');
const RotationSection = lazy(loadRotation);
const prefetchRotation = () => {
  loadRotation().catch(() => {
    // A failed prefetch is retried by React.lazy on click, which shows the error.
  });
};

type BoundaryProps = { fallback: (error: Error) => ReactNode; children: ReactNode };

/** Shows `fallback` when the rotation chunk cannot be loaded or the section fails to render. */
class RotationBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export type RotateTokenProps = {
  instance: ReporterInstance;
  /** The Secret and its decoded token, when the token could be read. */
  current: { secret: SecretKind; token: string } | undefined;
};

/**
 * The "Rotate token…" button, disabled with the reason named, and the lazily loaded section. The
 * section opens by itself when this Reporter has a rotation running or ended (e.g. the user comes
 * back to the page), and stays while the Secret cannot be read for a moment, so its progress,
 * outcome and leave guard are never out of sight.
 */
export const RotateToken = ({ instance, current }: RotateTokenProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const access = useRotateAccess(instance);
  const hasRun = useRotationOf(instance) !== undefined;
  const [open, setOpen] = useState(hasRun);
  if (hasRun && !open) setOpen(true);
  // The last readable Secret: while a run exists, a failed read of the Secret must not take its
  // progress and leave guard away.
  const [lastRead, setLastRead] = useState(current);
  if (
    current &&
    (current.token !== lastRead?.token ||
      current.secret.metadata?.resourceVersion !== lastRead.secret.metadata?.resourceVersion)
  ) {
    setLastRead(current);
  } else if (!current && !hasRun && lastRead) {
    // Nothing to keep in view: the token is not held longer than the page shows it.
    setLastRead(undefined);
  }
  const shown = current ?? (hasRun ? lastRead : undefined);
  const reasonId = useId();

  if (open && shown) {
    return (
      <RotationBoundary
        fallback={(error) => (
          <Alert isInline variant="danger" title={t('The rotation could not be loaded')}>
            {t('{{message}}. Reload the page to try again.', { message: error.message })}
          </Alert>
        )}
      >
        <Suspense fallback={<Spinner size="lg" aria-label={t('Loading the rotation')} />}>
          <RotationSection
            instance={instance}
            secret={shown.secret}
            currentToken={shown.token}
            secretUnavailable={!current}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      </RotationBoundary>
    );
  }

  const reason = !current
    ? t('The token can be rotated once the Secret holds a readable token.')
    : access.loading
      ? t('Checking whether you may change the Secret…')
      : !access.allowed
        ? t(
            'You may not rotate this token: patching Secret {{name}} in namespace {{namespace}} is not allowed for your user.',
            {
              name: instance.secretName,
              namespace: instance.namespace,
            },
          )
        : undefined;

  return (
    <>
      <Button
        variant="primary"
        isAriaDisabled={reason !== undefined}
        aria-describedby={reason ? reasonId : undefined}
        onMouseEnter={prefetchRotation}
        onFocus={prefetchRotation}
        onClick={() => {
          if (reason === undefined) setOpen(true);
        }}
        data-test={DataTest.rotateButton}
      >
        {t('Rotate token…')}
      </Button>
      {reason && (
        <HelperText id={reasonId}>
          <HelperTextItem>{reason}</HelperTextItem>
        </HelperText>
      )}
    </>
  );
};
