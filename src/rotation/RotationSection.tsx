/**
 * Token rotation: the new token (typed or generated, validated as typed), the review of the exact
 * plan, the run with its progress, and what to do on other clusters. Loaded lazily by the token page.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  HelperText,
  HelperTextItem,
  Spinner,
} from '@patternfly/react-core';
import formStyles from '@patternfly/react-styles/css/components/Form/form';
import { DataTest } from '../data-test';
import { useNow } from '../hooks/useNow';
import type { RotationSectionProps } from '../reporter/types';
import { validateToken } from '../token/validate';
import { NewTokenField } from '../components/rotation/NewTokenField';
import { OtherClusters } from '../components/rotation/OtherClusters';
import { ReviewModal } from '../components/rotation/ReviewModal';
import { RunProgress } from '../components/rotation/RunProgress';
import { useRotationText } from '../components/rotation/useRotationText';
import { requiredAccess } from './access';
import { launchRotation, retryRotation } from './controller';
import { LeaveGuard } from './LeaveGuard';
import { buildPlan, reporterKey, secretKey, staleSecrets, type RotationPlan } from './plan';
import { httpStatus, type RotationPort } from './run';
import { createSdkPort } from './sdk-port';
import { dismissRotation, useRotation, type RotationRecord } from './store';
import { useAccessChecks } from './useAccessChecks';
import { useRotationData, type LoadProblem } from './useRotationData';

type Review = {
  plan: RotationPlan;
  kind: RotationRecord['kind'];
  newToken: string;
  previousToken: string;
};

export type RotationSectionInternalProps = RotationSectionProps & {
  /** Replaces the SDK-backed port (tests). */
  port?: RotationPort;
};

const RotationSection = ({
  instance,
  secret,
  currentToken,
  onClose,
  secretUnavailable = false,
  port: portOverride,
}: RotationSectionInternalProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const key = reporterKey(instance);
  const record = useRotation(key);
  const data = useRotationData(instance, secret);
  const [token, setToken] = useState('');
  const [review, setReview] = useState<Review>();
  const port = useMemo(() => portOverride ?? createSdkPort(), [portOverride]);
  const validation = useMemo(() => validateToken(token, { currentToken }), [token, currentToken]);
  const livePlan = useMemo(() => (data.input ? buildPlan(data.input) : undefined), [data.input]);
  const observed = useMemo(() => {
    const rvs: Record<string, string | undefined> = {
      [secretKey({ namespace: instance.namespace, name: instance.secretName })]:
        secret.metadata?.resourceVersion,
    };
    for (const [k, s] of Object.entries(data.input?.senderSecrets ?? {})) {
      rvs[k] = s?.metadata?.resourceVersion;
    }
    return rvs;
  }, [instance.namespace, instance.secretName, secret, data.input]);
  const stale = review ? staleSecrets(review.plan, observed) : [];
  // The runner applies the same rule; here it explains why confirm is disabled (e.g. a revert target).
  const reviewTokenValid = review
    ? validateToken(review.newToken, { currentToken: review.previousToken }).valid
    : true;
  const needs = useMemo(() => (review ? requiredAccess(review.plan) : []), [review]);
  const access = useAccessChecks(needs);
  const now = useNow(record?.running ? 1000 : 60_000).getTime();

  const openReview = (kind: RotationRecord['kind']) => {
    if (!livePlan) return;
    if (kind === 'revert') {
      if (!record) return;
      setReview({
        plan: livePlan,
        kind,
        newToken: record.previousToken,
        previousToken: currentToken,
      });
    } else {
      setReview({ plan: livePlan, kind, newToken: token, previousToken: currentToken });
    }
  };

  const confirm = () => {
    if (!review || !reviewTokenValid || stale.length > 0) return;
    if (access.loading || access.missing.length > 0) return;
    const started = launchRotation({
      plan: review.plan,
      newToken: review.newToken,
      previousToken: review.previousToken,
      kind: review.kind,
      port,
    });
    if (started) {
      setReview(undefined);
      setToken('');
    }
  };

  const reviewReason = !livePlan
    ? data.problems.length > 0
      ? t('The plan cannot be built: see the problem above.')
      : t('Reading the cluster state…')
    : !validation.valid
      ? t('Enter a valid new token first.')
      : undefined;

  const requestReview = () => {
    if (!reviewReason) openReview('rotate');
  };

  return (
    <Card data-test={DataTest.rotationSection}>
      <CardTitle component="h2">{t('Rotate the API token')}</CardTitle>
      <CardBody>
        <LeaveGuard when={record?.running === true} />
        {secretUnavailable && (
          <Alert
            component="h3"
            isInline
            variant="warning"
            title={t('The token Secret cannot be read right now')}
            data-test={DataTest.rotationSecretUnavailable}
          >
            {t(
              'The rotation below is not affected: each of its steps reads the Secret itself. The page shows the Secret again as soon as it can be read.',
            )}
          </Alert>
        )}
        {!data.loaded && data.problems.length === 0 && (
          <div data-test={DataTest.rotationLoading}>
            <Spinner size="md" aria-hidden /> {t('Reading the cluster state…')}
          </div>
        )}
        {data.problems.map((p, i) => (
          // Two License Services in one namespace can fail the same check: the index keeps keys unique.
          <LoadProblemAlert
            key={`${Object.values(p.permission).join('|')}#${String(i)}`}
            problem={p}
          />
        ))}
        {record ? (
          <Flex direction={{ default: 'column' }} gap={{ default: 'gapLg' }}>
            <RunProgress
              record={record}
              now={now}
              onRetry={() => {
                void retryRotation(key, port);
              }}
              onRevert={() => {
                openReview('revert');
              }}
              onReviewAgain={() => {
                // Nothing was saved: the token goes back into the form for a fresh review.
                setToken(record.kind === 'rotate' ? record.newToken : '');
                dismissRotation(key);
              }}
              onDone={() => {
                dismissRotation(key);
                onClose();
              }}
            />
            {(record.state.outcome.kind === 'succeeded' ||
              (record.state.outcome.kind === 'failed' &&
                record.state.outcome.tokenSaved === 'yes')) && (
              <OtherClusters
                token={record.newToken}
                {...(record.plan.reporterUrl ? { reporterUrl: record.plan.reporterUrl } : {})}
              />
            )}
          </Flex>
        ) : (
          // Not a <form>: a submitted form with a password field makes browsers and password managers
          // offer to save the token. Review is a plain button, and Enter in the field does the same.
          <div className={formStyles.form}>
            <NewTokenField
              value={token}
              onChange={setToken}
              validation={validation}
              onEnter={requestReview}
            />
            <Flex>
              <FlexItem>
                <Button
                  type="button"
                  variant="primary"
                  onClick={requestReview}
                  isAriaDisabled={reviewReason !== undefined}
                  aria-describedby={reviewReason ? 'lsr-token-plugin-review-reason' : undefined}
                  data-test={DataTest.rotationReview}
                >
                  {t('Review the rotation…')}
                </Button>
              </FlexItem>
              <FlexItem>
                <Button variant="link" onClick={onClose} data-test={DataTest.rotationClose}>
                  {t('Cancel')}
                </Button>
              </FlexItem>
            </Flex>
            {reviewReason && (
              <HelperText id="lsr-token-plugin-review-reason">
                <HelperTextItem>{reviewReason}</HelperTextItem>
              </HelperText>
            )}
          </div>
        )}
        {review && (
          <ReviewModal
            plan={review.plan}
            kind={review.kind}
            stale={stale}
            access={access}
            busy={record?.running === true}
            tokenInvalid={!reviewTokenValid}
            onConfirm={confirm}
            onReviewAgain={() => {
              if (livePlan) setReview({ ...review, plan: livePlan });
            }}
            onCancel={() => {
              setReview(undefined);
            }}
          />
        )}
      </CardBody>
    </Card>
  );
};

const LoadProblemAlert = ({ problem }: { problem: LoadProblem }) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const text = useRotationText();
  const status = httpStatus(problem.error);
  const titles: Record<LoadProblem['what'], string> = {
    route: t('The Reporter API Route cannot be read'),
    licensings: t('License Services (IBMLicensing) cannot be listed'),
    pods: t('The Reporter pods cannot be listed'),
    sender: t("A License Service's Secret copy or pods cannot be read"),
  };
  return (
    <Alert
      component="h3"
      isInline
      variant="danger"
      title={titles[problem.what]}
      data-test={DataTest.rotationLoadError}
    >
      {status === 403
        ? t(
            'Permission denied: your user may not {{permission}}. The rotation needs it to know every copy of the token and every pod that reads it; ask a cluster administrator for it.',
            { permission: text.permission(problem.permission) },
          )
        : t(
            'Reading it failed ({{status}}). The rotation needs it to plan every step. Reload the page to try again.',
            {
              status: status ?? t('no answer'),
            },
          )}
    </Alert>
  );
};

export default RotationSection;
