import { useTranslation } from 'react-i18next';
import {
  Alert,
  Flex,
  FlexItem,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Spinner,
} from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { instanceKey, pickInstance } from '../reporter/discover';
import type { ReporterDiscovery } from '../reporter/discover';
import type { ReporterInstance } from '../reporter/types';
import { NoReporterState } from './NoReporterState';
import { TokenDetails } from './TokenDetails';

export type ReporterViewProps = {
  discovery: ReporterDiscovery;
  /** The instance named in the URL. */
  ns: string | undefined;
  name: string | undefined;
  onSelect: (instance: ReporterInstance) => void;
};

/** The discovered Reporters: a state when there is none, a selector when there are several. */
export const ReporterView = ({ discovery, ns, name, onSelect }: ReporterViewProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  switch (discovery.state) {
    case 'loading':
      return <Spinner size="lg" aria-label={t('Looking for License Service Reporter')} />;
    case 'not-installed':
      return <NoReporterState notInstalled />;
    case 'forbidden':
      return (
        <Alert
          isInline
          variant="danger"
          title={t('You may not list License Service Reporters in namespace {{namespace}}', {
            namespace: discovery.namespace ?? '',
          })}
          data-test={DataTest.namespaceForbidden}
        >
          {t(
            'Listing IBMLicenseServiceReporter resources in this namespace was refused too. Check the namespace name, or ask a cluster administrator for "list" and "watch" access to ibmlicenseservicereporters.operator.ibm.com there.',
          )}
        </Alert>
      );
    case 'error':
      return (
        <Alert
          isInline
          variant="danger"
          title={t('License Service Reporters could not be listed')}
          data-test={DataTest.loadError}
        >
          {t('{{message}}. Reload the page to try again.', { message: discovery.message })}
        </Alert>
      );
    case 'ready': {
      const { instances } = discovery;
      if (instances.length === 0) return <NoReporterState namespace={discovery.namespace} />;
      const selected = pickInstance(instances, ns ?? null, name ?? null);
      if (!selected) return null;
      // Only what the address names counts: `?ns=` alone is a namespace, not a missing name.
      const notFound = (!!ns && selected.namespace !== ns) || (!!name && selected.crName !== name);
      return (
        <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
          {notFound && (
            <FlexItem>
              <Alert
                isInline
                isPlain
                variant="info"
                title={t('The Reporter named in the address was not found; showing {{instance}}.', {
                  instance: instanceKey(selected),
                })}
              />
            </FlexItem>
          )}
          {instances.length > 1 && (
            <FlexItem>
              <FormGroup
                label={t('License Service Reporter instance')}
                fieldId="lsr-token-plugin-instance"
              >
                <FormSelect
                  id="lsr-token-plugin-instance"
                  value={instanceKey(selected)}
                  onChange={(_e, key) => {
                    const next = instances.find((i) => instanceKey(i) === key);
                    if (next) onSelect(next);
                  }}
                  data-test={DataTest.instanceSelect}
                >
                  {instances.map((i) => (
                    <FormSelectOption
                      key={instanceKey(i)}
                      value={instanceKey(i)}
                      label={t('{{name}} in namespace {{namespace}}', {
                        name: i.crName,
                        namespace: i.namespace,
                      })}
                    />
                  ))}
                </FormSelect>
              </FormGroup>
            </FlexItem>
          )}
          <FlexItem>
            <TokenDetails key={instanceKey(selected)} instance={selected} />
          </FlexItem>
        </Flex>
      );
    }
  }
};
