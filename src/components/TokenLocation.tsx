import { useTranslation } from 'react-i18next';
import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
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
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Namespace')}</DescriptionListTerm>
          <DescriptionListDescription>
            <ResourceLink
              groupVersionKind={{ version: 'v1', kind: 'Namespace' }}
              name={instance.namespace}
            />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Secret')}</DescriptionListTerm>
          <DescriptionListDescription>
            <ResourceLink
              groupVersionKind={gvkOf(SecretModel)}
              name={instance.secretName}
              namespace={instance.namespace}
              dataTest={DataTest.secretLink}
            />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('License Service Reporter')}</DescriptionListTerm>
          <DescriptionListDescription>
            <ResourceLink
              groupVersionKind={gvkOf(ReporterModel)}
              name={instance.crName}
              namespace={instance.namespace}
              dataTest={DataTest.reporterLink}
            />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Token last changed')}</DescriptionListTerm>
          <DescriptionListDescription data-test={DataTest.lastChanged}>
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
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
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
