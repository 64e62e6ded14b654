import { useTranslation } from 'react-i18next';
import { Button } from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import { DataTest } from '../data-test';
import { TOKEN_MASK } from '../token/mask';
import { CopyButton } from './CopyButton';

export type TokenValueProps = {
  /** The decoded token (memory only: rendered only while revealed). */
  token: string;
  revealed: boolean;
  onToggleReveal: () => void;
};

/**
 * The token, masked by default with a fixed-width mask; a reveal/hide toggle and a copy button
 * that copies the token whether it is shown or not. While masked, the token is not in the DOM.
 */
export const TokenValue = ({ token, revealed, onToggleReveal }: TokenValueProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  return (
    // Inline flow (no layout component): each PatternFly module costs bytes in the entry script.
    <div role="group" aria-label={t('API token')}>
      <code data-test={DataTest.tokenValue} aria-hidden={!revealed}>
        {revealed ? token : TOKEN_MASK}
      </code>
      {!revealed && <span className="pf-v6-screen-reader">{t('Token hidden')}</span>}{' '}
      <Button
        variant="secondary"
        icon={revealed ? <EyeSlashIcon /> : <EyeIcon />}
        onClick={onToggleReveal}
        data-test={DataTest.revealToggle}
      >
        {revealed ? t('Hide token') : t('Reveal token')}
      </Button>{' '}
      <CopyButton
        value={() => token}
        aria-label={t('Copy API token')}
        fallbackLabel={t('API token')}
        dataTest={DataTest.copyToken}
      >
        {t('Copy')}
      </CopyButton>
    </div>
  );
};
