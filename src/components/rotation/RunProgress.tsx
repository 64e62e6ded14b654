import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, FlexItem, Spinner } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, PendingIcon } from '@patternfly/react-icons';
import { DataTest } from '../../data-test';
import { DEFAULT_READY_TIMEOUT_MS, type StepStatus } from '../../rotation/run';
import { FINISHED_TTL_MINUTES, type RotationRecord } from '../../rotation/store';
import { useRotationText } from './useRotationText';
import './run-progress.css';

type TFunction = ReturnType<typeof useTranslation>['t'];

/** A step's duration: "42 s", "3 min 05 s" (units translated). */
export const formatDuration = (ms: number, t: TFunction): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0
    ? t('{{minutes}} min {{seconds}} s', { minutes: m, seconds: String(s % 60).padStart(2, '0') })
    : t('{{seconds}} s', { seconds: s });
};

const StatusIcon = ({ status, label }: { status: StepStatus; label: string }) => {
  if (status === 'running') return <Spinner size="md" aria-label={label} />;
  const modifier =
    status === 'done'
      ? ' lsr-token-plugin__step-icon--success'
      : status === 'failed'
        ? ' lsr-token-plugin__step-icon--danger'
        : '';
  return (
    <span className={`lsr-token-plugin__step-icon${modifier}`} role="img" aria-label={label}>
      {status === 'done' ? (
        <CheckCircleIcon />
      ) : status === 'failed' ? (
        <ExclamationCircleIcon />
      ) : (
        <PendingIcon />
      )}
    </span>
  );
};

export type RunProgressProps = {
  record: RotationRecord;
  now: number;
  onRetry: () => void;
  onRevert: () => void;
  onReviewAgain: () => void;
  onDone: () => void;
};

/** Each step with its status, what it is doing and for how long; the outcome and what to do next. */
export const RunProgress = ({
  record,
  now,
  onRetry,
  onRevert,
  onReviewAgain,
  onDone,
}: RunProgressProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const text = useRotationText();
  const { plan, state } = record;
  const outcome = state.outcome;
  const statusLabel: Record<StepStatus, string> = {
    pending: t('Pending'),
    running: t('Running'),
    done: t('Done'),
    failed: t('Failed'),
  };
  const saved = state.savedIn.map(text.secretName).join(', ');
  const failedStep =
    outcome.kind === 'failed' ? plan.steps.find((s) => s.id === outcome.stepId) : undefined;
  const failure =
    outcome.kind === 'failed'
      ? state.steps.find((s) => s.id === outcome.stepId)?.failure
      : undefined;
  const reason =
    failure && failedStep
      ? text.failure(failure, failedStep, Math.round(DEFAULT_READY_TIMEOUT_MS / 60000))
      : '';
  const canRevert =
    !record.running &&
    (outcome.kind === 'succeeded' || (outcome.kind === 'failed' && outcome.tokenSaved !== 'no'));
  const hasActions = !record.running || (outcome.kind === 'failed' && outcome.reviewAgain);

  return (
    <Flex
      direction={{ default: 'column' }}
      gap={{ default: 'gapMd' }}
      data-test={DataTest.rotationProgress}
    >
      <Flex
        component="ul"
        direction={{ default: 'column' }}
        gap={{ default: 'gapSm' }}
        aria-label={t('Rotation steps')}
      >
        {plan.steps.map((step, i) => {
          const s = state.steps[i];
          const status = s?.status ?? 'pending';
          const elapsed =
            s?.startedAt !== undefined ? formatDuration((s.endedAt ?? now) - s.startedAt, t) : '';
          return (
            <FlexItem
              component="li"
              key={step.id}
              data-test={DataTest.rotationStep}
              data-status={status}
            >
              <Flex
                flexWrap={{ default: 'nowrap' }}
                alignItems={{ default: 'alignItemsFlexStart' }}
              >
                <FlexItem>
                  <StatusIcon status={status} label={statusLabel[status]} />
                </FlexItem>
                <FlexItem grow={{ default: 'grow' }}>
                  <div>
                    <strong>{text.stepTitle(step)}</strong>{' '}
                    <span>
                      {statusLabel[status]}
                      {elapsed ? ` · ${elapsed}` : ''}
                    </span>
                  </div>
                  {status === 'running' && s?.activity && <div>{text.activity(s.activity)}</div>}
                  {status === 'done' && s?.activity?.kind === 'no-pods' && (
                    <div>{text.activity(s.activity)}</div>
                  )}
                  {status === 'done' && s?.newPodNames && s.newPodNames.length > 0 && (
                    <div>{t('Replaced by: {{pods}}', { pods: s.newPodNames.join(', ') })}</div>
                  )}
                  {status === 'failed' && <div>{t('The reason and what to do are below.')}</div>}
                </FlexItem>
              </Flex>
            </FlexItem>
          );
        })}
      </Flex>

      <div data-test={DataTest.rotationOutcome} aria-live="polite">
        {outcome.kind === 'running' && (
          <Alert component="h3" isInline variant="info" title={t('Rotation in progress')}>
            {t(
              'You can stay here to follow it. Leaving the page asks first; the run goes on while you browse the console.',
            )}
          </Alert>
        )}
        {outcome.kind === 'succeeded' && (
          <Alert
            component="h3"
            isInline
            variant="success"
            title={
              record.kind === 'revert'
                ? t('The previous token is back in use')
                : t('The token was rotated')
            }
          >
            {record.kind === 'revert'
              ? t(
                  'The previous token is saved in {{secrets}} and every pod that reads it was restarted and is ready.',
                  { secrets: saved },
                )
              : t(
                  'The new token is saved in {{secrets}} and every pod that reads it was restarted and is ready.',
                  { secrets: saved },
                )}
          </Alert>
        )}
        {outcome.kind === 'refused' && (
          <Alert component="h3" isInline variant="danger" title={t('Nothing was sent')}>
            {t(
              'The token does not meet the rules. Nothing changed: the current token is still in use.',
            )}
          </Alert>
        )}
        {outcome.kind === 'failed' && outcome.tokenSaved === 'no' && (
          <Alert
            component="h3"
            isInline
            variant="danger"
            title={t('Nothing changed: the current token is still in use')}
          >
            {reason}
          </Alert>
        )}
        {outcome.kind === 'failed' && outcome.tokenSaved === 'yes' && (
          <Alert
            component="h3"
            isInline
            variant="danger"
            title={t('The new token IS saved, but a later step failed')}
          >
            <p>
              {t('The new token is saved in {{secrets}}. Step "{{step}}" failed: {{reason}}', {
                secrets: saved,
                step: failedStep ? text.stepTitle(failedStep) : '',
                reason,
              })}
            </p>
            <p>
              {t(
                'Retry runs again from the failed step (done steps are not repeated). Revert puts the previous token back with the same steps.',
              )}
            </p>
          </Alert>
        )}
        {outcome.kind === 'failed' && outcome.tokenSaved === 'unknown' && (
          <Alert
            component="h3"
            isInline
            variant="danger"
            title={t('Not known whether the new token was saved')}
          >
            {failure?.readBack === 'previous'
              ? t(
                  'The write to {{secret}} got no answer: {{reason}} The Secret does not hold the new token yet, but the write may still be applied: then the new token is saved while the pods still use the previous one. Retry reads the Secret again: if the new token has arrived, the run goes on without writing twice; if not, it sends the same patch again. Retry before you leave.',
                  {
                    secret:
                      failedStep?.kind === 'patch-secret' ? text.secretName(failedStep.secret) : '',
                    reason,
                  },
                )
              : t(
                  'The write to {{secret}} got no clear answer and the Secret could not be read back: {{reason}} Retry reads the Secret first and does not write twice.',
                  {
                    secret:
                      failedStep?.kind === 'patch-secret' ? text.secretName(failedStep.secret) : '',
                    reason,
                  },
                )}
          </Alert>
        )}
      </div>

      {hasActions && (
        <Flex spaceItems={{ default: 'spaceItemsSm' }}>
          {outcome.kind === 'failed' && outcome.canRetry && !record.running && (
            <FlexItem>
              <Button variant="primary" onClick={onRetry} data-test={DataTest.rotationRetry}>
                {t('Retry from the failed step')}
              </Button>
            </FlexItem>
          )}
          {outcome.kind === 'failed' && outcome.reviewAgain && (
            <FlexItem>
              <Button
                variant="primary"
                onClick={onReviewAgain}
                data-test={DataTest.rotationReviewAgain}
              >
                {t('Reload and review again')}
              </Button>
            </FlexItem>
          )}
          {canRevert && (
            <FlexItem>
              <Button variant="secondary" onClick={onRevert} data-test={DataTest.rotationRevert}>
                {t('Revert to previous token')}
              </Button>
            </FlexItem>
          )}
          {!record.running && (
            <FlexItem>
              <Button variant="link" onClick={onDone} data-test={DataTest.rotationDone}>
                {t('Done')}
              </Button>
            </FlexItem>
          )}
        </Flex>
      )}
      {canRevert && (
        <p>
          {t(
            'Revert is available until you click Done, or until {{minutes}} minutes after you leave this page: then this run and both tokens are forgotten here.',
            { minutes: FINISHED_TTL_MINUTES },
          )}
        </p>
      )}
    </Flex>
  );
};
