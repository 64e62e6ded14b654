import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner, Stack, StackItem, Title } from '@patternfly/react-core';
import { useReporterApiUrl } from '../hooks/useReporterApiUrl';
import { useSecretChangeNotice } from '../hooks/useSecretChangeNotice';
import { useTokenSecret } from '../hooks/useTokenSecret';
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
  const { change, dismiss } = useSecretChangeNotice(secret);
  const apiUrl = useReporterApiUrl(instance.namespace);
  const [revealed, setRevealed] = useState(false);
  const token = state.kind === 'ready' ? state.token : undefined;

  return (
    <Stack hasGutter>
      {change && (
        <StackItem>
          <ChangeNotice change={change} onDismiss={dismiss} />
        </StackItem>
      )}
      <StackItem>
        <Title headingLevel="h2">{t('API token')}</Title>
      </StackItem>
      <StackItem>
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
      </StackItem>
      <StackItem>
        <TokenLocation instance={instance} secret={secret} />
      </StackItem>
      <StackItem>
        <RotateToken
          instance={instance}
          current={
            state.kind === 'ready' ? { secret: state.secret, token: state.token } : undefined
          }
        />
      </StackItem>
      {apiUrl && (
        <StackItem>
          <Title headingLevel="h2">{t('Using the token with the Reporter API')}</Title>
          <ApiAccess apiUrl={apiUrl} token={token} revealed={revealed} />
        </StackItem>
      )}
      <StackItem>
        <Title headingLevel="h2">{t('Getting the token from the command line')}</Title>
        <CliCommands namespace={instance.namespace} secretName={instance.secretName} />
      </StackItem>
    </Stack>
  );
};
