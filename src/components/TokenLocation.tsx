import { useTranslation } from 'react-i18next';
import { Alert, Content } from '@patternfly/react-core';
import { ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { DataTest } from '../data-test';
import { useNow } from '../hooks/useNow';
import { gvkOf, ReporterModel, SecretModel } from '../models';
import { ageInDays, isTokenOld, lastChangedOf, TOKEN_MAX_AGE_DAYS } from '../reporter/token-age';
import type { ReporterInstance, SecretKind } from '../reporter/types';

export type TokenLocationProps = {
  instance: ReporterInstance;
  /** The Secret when it exists (for when the token last changed). */
  secret: SecretKind | undefined;
};

/** Where the token lives (namespace, Secret, Reporter CR) and when it last changed. */
export const TokenLocation = ({ instance, secret }: TokenLocationProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const now = useNow();
  const changed = secret ? lastChangedOf(secret) : undefined;
  const days = changed ? ageInDays(changed.time, now) : undefined;
  const source =
    changed?.source === 'annotation'
      ? t('rotated with this plugin')
      : changed?.source === 'managed-fields'
        ? t('last write to the Secret')
        : t('Secret created');
  return (
    <>
      {/* Content's dl (a term/description grid) rather than DescriptionList: one PatternFly module
          less in the entry script that every console user downloads. */}
      <Content component="dl">
        <Content component="dt">{t('Namespace')}</Content>
        <Content component="dd">
          <ResourceLink
            groupVersionKind={{ version: 'v1', kind: 'Namespace' }}
            name={instance.namespace}
          />
        </Content>
        <Content component="dt">{t('Secret')}</Content>
        <Content component="dd">
          <ResourceLink
            groupVersionKind={gvkOf(SecretModel)}
            name={instance.secretName}
            namespace={instance.namespace}
            dataTest={DataTest.secretLink}
          />
        </Content>
        <Content component="dt">{t('License Service Reporter')}</Content>
        <Content component="dd">
          <ResourceLink
            groupVersionKind={gvkOf(ReporterModel)}
            name={instance.crName}
            namespace={instance.namespace}
            dataTest={DataTest.reporterLink}
          />
        </Content>
        <Content component="dt">{t('Token last changed')}</Content>
        <Content component="dd" data-test={DataTest.lastChanged}>
          {changed && days !== undefined ? (
            <>
              <Timestamp timestamp={changed.time} />{' '}
              {days === 0
                ? t('(today, {{source}})', { source })
                : days === 1
                  ? t('(1 day ago, {{source}})', { source })
                  : t('({{days}} days ago, {{source}})', { days, source })}
            </>
          ) : (
            t('Unknown')
          )}
        </Content>
      </Content>
      {changed && isTokenOld(changed.time, now) && (
        <Alert
          isInline
          variant="warning"
          title={t('This token is older than {{max}} days', { max: TOKEN_MAX_AGE_DAYS })}
          data-test={DataTest.ageWarning}
        >
          {t(
            'It last changed {{days}} days ago. Security policies often ask for a rotation at least every {{max}} days.',
            { days, max: TOKEN_MAX_AGE_DAYS },
          )}
        </Alert>
      )}
    </>
  );
};
