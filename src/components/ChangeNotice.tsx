import { useTranslation } from 'react-i18next';
import { Alert, AlertActionCloseButton } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import type { SecretChange } from '../reporter/secret-change';

export type ChangeNoticeProps = { change: SecretChange; onDismiss: () => void };

/** Tells the user that the token changed while the page was open, and by whom. */
export const ChangeNotice = ({ change, onDismiss }: ChangeNoticeProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const title =
    change.origin === 'plugin'
      ? t('The token was rotated by this plugin')
      : change.origin === 'recreated'
        ? t('The token Secret was deleted and created again')
        : t('The token was changed from outside this page');
  const body =
    change.origin === 'plugin'
      ? t('A rotation from this console plugin changed the token while you were viewing it.')
      : change.origin === 'recreated'
        ? t(
            'The operator generates a new token when its Secret is missing. Anything still using the old token must be updated.',
          )
        : t(
            'Someone or something (a user, a tool, the operator) changed the token while you were viewing it. Anything still using the old token must be updated.',
          );
  return (
    <Alert
      variant={change.origin === 'plugin' ? 'info' : 'warning'}
      isInline
      title={title}
      actionClose={<AlertActionCloseButton onClose={onDismiss} />}
      data-test={DataTest.changeNotice}
      isLiveRegion
    >
      {body} {t('The value shown now is the new token.')}
    </Alert>
  );
};
