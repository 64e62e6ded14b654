import { useTranslation } from 'react-i18next';
import { PageSection, Title } from '@patternfly/react-core';

const TokenPage = () => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  return (
    <PageSection>
      <Title headingLevel="h1">{t('License Service Reporter API token')}</Title>
    </PageSection>
  );
};

export default TokenPage;
