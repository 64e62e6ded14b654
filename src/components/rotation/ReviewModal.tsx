import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Content,
  Flex,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
} from '@patternfly/react-core';
import { DataTest } from '../../data-test';
import type { AccessNeed } from '../../rotation/access';
import type { RotationPlan, SecretRef } from '../../rotation/plan';
import { useRotationText } from './useRotationText';

export type ReviewModalProps = {
  plan: RotationPlan;
  kind: 'rotate' | 'revert';
  /** Secrets whose resourceVersion moved since the plan was built. */
  stale: SecretRef[];
  access: { loading: boolean; missing: AccessNeed[] };
  /** Another run of this Reporter is in progress. */
  busy: boolean;
  /** The token to set does not meet the rules (or is the one in use). */
  tokenInvalid?: boolean;
  onConfirm: () => void;
  onReviewAgain: () => void;
  onCancel: () => void;
};

/** Shows the exact plan the runner will execute; nothing is sent before the user confirms. */
export const ReviewModal = ({
  plan,
  kind,
  stale,
  access,
  busy,
  tokenInvalid = false,
  onConfirm,
  onReviewAgain,
  onCancel,
}: ReviewModalProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const text = useRotationText();
  const titleId = useId();
  const bodyId = useId();
  const blocked =
    stale.length > 0 || access.loading || access.missing.length > 0 || busy || tokenInvalid;
  const reasonId = useId();

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onCancel}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-test={DataTest.rotationModal}
    >
      <ModalHeader
        title={
          kind === 'revert' ? t('Review: revert to the previous token') : t('Review the rotation')
        }
        labelId={titleId}
      />
      <ModalBody id={bodyId}>
        <Content component="p">
          {t(
            'Nothing has changed yet. After you confirm, these steps run in this order, and the run stops at the first step that fails:',
          )}
        </Content>
        <Content component="ol">
          {plan.steps.map((step) => (
            <Content component="li" key={step.id} data-test={DataTest.rotationPlanStep}>
              <strong>{text.stepTitle(step)}</strong>
              <Content component="ul">
                {text.stepDetails(step).map((line) => (
                  <Content component="li" key={line}>
                    {line}
                  </Content>
                ))}
              </Content>
            </Content>
          ))}
        </Content>
        {/* The notes after the steps (the list ends with a margin), spaced apart from each other. */}
        <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
          {plan.manual.map((m) => (
            <Alert
              component="h2"
              key={`${m.kind}:${m.crName}`}
              isInline
              isPlain
              variant="warning"
              title={
                m.kind === 'sender-secret-missing'
                  ? t(
                      'License Service {{name}} sends to this Reporter, but its Secret {{secret}} does not exist: it is not created by this rotation. Create it with the token.yml shown after the rotation.',
                      { name: m.crName, secret: text.secretName(m.secret) },
                    )
                  : t(
                      'License Service {{name}} sends to this Reporter, but it has no spec.instanceNamespace, so its copy of the token cannot be found. Update that copy yourself.',
                      { name: m.crName },
                    )
              }
              data-test={DataTest.rotationPlanManual}
            />
          ))}
          <Alert
            component="h2"
            isInline
            isPlain
            variant="info"
            title={t('Not reachable from here: License Services on other clusters')}
            data-test={DataTest.rotationPlanOtherClusters}
          >
            {t(
              'License Services on other clusters that send to this Reporter keep the previous token and stop sending data until their copy is updated. After the rotation, this page gives the token.yml and the commands to run on each of them.',
            )}
          </Alert>
          {stale.length > 0 && (
            <Alert
              component="h2"
              isInline
              variant="warning"
              title={t('The cluster changed since this review was built')}
              data-test={DataTest.rotationStale}
              actionLinks={
                <Button
                  variant="link"
                  isInline
                  onClick={onReviewAgain}
                  data-test={DataTest.rotationReviewAgain}
                >
                  {t('Review again')}
                </Button>
              }
            >
              {t(
                'Secret {{secrets}} has a new resourceVersion. Review the updated plan before confirming.',
                {
                  secrets: stale.map(text.secretName).join(', '),
                },
              )}
            </Alert>
          )}
          {access.missing.length > 0 && (
            <Alert
              component="h2"
              isInline
              variant="danger"
              title={t('You lack permissions this rotation needs')}
              data-test={DataTest.rotationMissingAccess}
            >
              <Content component="ul">
                {access.missing.map((n) => (
                  <Content component="li" key={text.accessNeed(n)}>
                    {t('Missing: {{permission}}', { permission: text.accessNeed(n) })}
                  </Content>
                ))}
              </Content>
            </Alert>
          )}
        </Flex>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={onConfirm}
          isAriaDisabled={blocked}
          aria-describedby={blocked ? reasonId : undefined}
          data-test={DataTest.rotationConfirm}
        >
          {kind === 'revert' ? t('Revert the token') : t('Rotate the token')}
        </Button>
        <Button variant="link" onClick={onCancel} data-test={DataTest.rotationCancel}>
          {t('Cancel')}
        </Button>
        {blocked && (
          <span id={reasonId}>
            {access.loading ? <Spinner size="sm" aria-hidden /> : null}
            {access.loading
              ? t('Checking your permissions…')
              : busy
                ? t('A rotation of this Reporter is already running.')
                : tokenInvalid
                  ? t(
                      'The token to set does not meet the rules or is the one in use: nothing can be sent.',
                    )
                  : stale.length > 0
                    ? t('Review again: the plan is out of date.')
                    : t('Not allowed: {{permissions}}', {
                        permissions: access.missing.map(text.accessNeed).join('; '),
                      })}
          </span>
        )}
      </ModalFooter>
    </Modal>
  );
};
