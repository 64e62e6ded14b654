import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Content, Flex, FlexItem, Spinner } from '@patternfly/react-core';
import { useReporterApiUrl } from '../hooks/useReporterApiUrl';
import { useSecretChangeNotice } from '../hooks/useSecretChangeNotice';
import { useTokenSecret } from '../hooks/useTokenSecret';
import { useRotationOf } from '../rotation/store';
import type { ReporterInstance } from '../reporter/types';
import { ApiAccess } from './ApiAccess';
import { ChangeNotice } from './ChangeNotice';
import { CliCommands } from './CliCommands';
import { RotateToken } from './RotateToken';
import { SecretProblem } from './SecretProblem';
import { TokenLocation } from './TokenLocation';
import { TokenValue } from './TokenValue';

export type TokenDetailsProps = { instance: ReporterInstance };

/**
 * Everything about one Reporter's token. Render it with `key` = the instance, so that the
 * reveal state and change notice start afresh for another instance.
 */
export const TokenDetails = ({ instance }: TokenDetailsProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const state = useTokenSecret(instance);
  const secret = 'secret' in state ? state.secret : undefined;
  const token = state.kind === 'ready' ? state.token : undefined;
  const run = useRotationOf(instance);
  // This page's run wrote the token now in the Secret (it is running, or has saved it): the run
  // reports that change itself. A rotation from another tab or user has no run here, or another token.
  const ownChange =
    run !== undefined &&
    token !== undefined &&
    token === run.newToken &&
    (run.running || run.state.savedIn.length > 0);
  const { change, dismiss } = useSecretChangeNotice(secret, ownChange);
  const apiUrl = useReporterApiUrl(instance.namespace);
  const [revealed, setRevealed] = useState(false);

  return (
    <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
      {change && (
        <FlexItem>
          <ChangeNotice change={change} onDismiss={dismiss} />
        </FlexItem>
      )}
      <FlexItem>
        <Content component="h2">{t('API token')}</Content>
      </FlexItem>
      <FlexItem>
        {state.kind === 'loading' ? (
          <Spinner size="lg" aria-label={t('Loading the token Secret')} />
        ) : state.kind === 'ready' ? (
          <TokenValue
            token={state.token}
            revealed={revealed}
            onToggleReveal={() => {
              setRevealed((r) => !r);
            }}
          />
        ) : (
          <SecretProblem instance={instance} state={state} />
        )}
      </FlexItem>
      <FlexItem>
        <TokenLocation instance={instance} secret={secret} />
      </FlexItem>
      <FlexItem>
        <RotateToken
          instance={instance}
          current={
            state.kind === 'ready' ? { secret: state.secret, token: state.token } : undefined
          }
        />
      </FlexItem>
      {apiUrl && (
        <FlexItem>
          <Content component="h2">{t('Using the token with the Reporter API')}</Content>
          <ApiAccess apiUrl={apiUrl} token={token} revealed={revealed} />
        </FlexItem>
      )}
      <FlexItem>
        <Content component="h2">{t('Getting the token from the command line')}</Content>
        <CliCommands namespace={instance.namespace} secretName={instance.secretName} />
      </FlexItem>
    </Flex>
  );
};
