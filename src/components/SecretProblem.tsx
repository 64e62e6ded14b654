import { useTranslation } from 'react-i18next';
import { Alert } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import type { SecretState } from '../reporter/secret-state';
import type { ReporterInstance } from '../reporter/types';

export type SecretProblemProps = {
  instance: ReporterInstance;
  state: Exclude<SecretState, { kind: 'loading' } | { kind: 'ready' }>;
};

/** Why the token cannot be shown, and what to do about it. */
export const SecretProblem = ({ instance, state }: SecretProblemProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const names = { name: instance.secretName, namespace: instance.namespace };
  const regenerate = t(
    'The operator creates the Secret and its token key when they are missing: deleting the Secret makes it generate a new token.',
  );
  switch (state.kind) {
    case 'missing':
      return (
        <Alert
          isInline
          variant="warning"
          title={t('The operator has not created the token Secret yet', names)}
          data-test={DataTest.secretMissing}
        >
          {t('Secret {{name}} does not exist in namespace {{namespace}}.', names)} {regenerate}{' '}
          {t(
            'If it does not appear within a few minutes, check the License Service Reporter operator.',
          )}
        </Alert>
      );
    case 'no-key':
      return (
        <Alert
          isInline
          variant="warning"
          title={t('The operator has not created the token yet')}
          data-test={DataTest.secretMissing}
        >
          {t('Secret {{name}} in namespace {{namespace}} has no "token" key.', names)} {regenerate}
        </Alert>
      );
    case 'forbidden':
      return (
        <Alert
          isInline
          variant="danger"
          title={t('You may not read the token Secret')}
          data-test={DataTest.secretForbidden}
        >
          {t(
            'Reading Secret {{name}} in namespace {{namespace}} was refused. Ask a cluster administrator for "get" and "watch" access to Secrets in that namespace.',
            names,
          )}
        </Alert>
      );
    case 'invalid':
      return (
        <Alert
          isInline
          variant="danger"
          title={t('The token cannot be decoded')}
          data-test={DataTest.decodeError}
        >
          {state.error.reason === 'invalid-utf8'
            ? t(
                'The token value in Secret {{name}} decodes to bytes that are not UTF-8 text. Edit the Secret so that data.token holds a text token, or delete the key to let the operator generate a new token.',
                names,
              )
            : state.error.reason === 'empty'
              ? t(
                  'The token value in Secret {{name}} is empty, and the operator does not replace a key that exists. Delete the key to let the operator generate a new token, or edit the Secret so that data.token holds the base64 encoding of a token.',
                  names,
                )
              : t(
                  'The token value in Secret {{name}} is not valid base64. Edit the Secret so that data.token holds the base64 encoding of the token, or delete the key to let the operator generate a new token.',
                  names,
                )}
        </Alert>
      );
    case 'error':
      return (
        <Alert
          isInline
          variant="danger"
          title={t('The token Secret could not be read')}
          data-test={DataTest.loadError}
        >
          {t('Reading Secret {{name}} in namespace {{namespace}} failed: {{message}}', {
            ...names,
            message: state.message,
          })}{' '}
          {t('Reload the page to try again.')}
        </Alert>
      );
  }
};
