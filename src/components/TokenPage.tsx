import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Flex, FlexItem, PageSection } from '@patternfly/react-core';
import { DocumentTitle, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { DataTest } from '../data-test';
import { useReporterDiscovery } from '../hooks/useReporterDiscovery';
import { NAME_PARAM, NS_PARAM } from '../reporter/links';
import { NamespaceForm } from './NamespaceForm';
import { ReporterView } from './ReporterView';

/**
 * The token page: finds the Reporters, keeps the chosen one in the URL (?ns=&name=, never the
 * token), and shows its token.
 */
const TokenPage = () => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const [params, setParams] = useSearchParams();
  const ns = params.get(NS_PARAM) ?? undefined;
  const name = params.get(NAME_PARAM) ?? undefined;
  const { discovery, clusterWideForbidden } = useReporterDiscovery(ns);
  const title = t('License Service Reporter API token');

  const setInstance = (next: { ns: string; name?: string }) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set(NS_PARAM, next.ns);
        if (next.name) p.set(NAME_PARAM, next.name);
        else p.delete(NAME_PARAM);
        return p;
      },
      { replace: true },
    );
  };

  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <ListPageHeader
        title={title}
        helpText={t(
          'The token that License Service and API clients use to reach IBM License Service Reporter.',
        )}
      />
      <PageSection data-test={DataTest.page}>
        <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
          {clusterWideForbidden && (
            <FlexItem>
              <Alert
                isInline
                variant="warning"
                title={t('You may not list License Service Reporters in all namespaces')}
                data-test={DataTest.forbidden}
              >
                {t(
                  'Enter the namespace where License Service Reporter is installed to look for it there.',
                )}
              </Alert>
            </FlexItem>
          )}
          {clusterWideForbidden && (
            <FlexItem>
              <NamespaceForm
                key={ns ?? ''}
                initial={ns}
                onSubmit={(namespace) => {
                  setInstance({ ns: namespace });
                }}
              />
            </FlexItem>
          )}
          {(!clusterWideForbidden || discovery.state !== 'forbidden' || discovery.namespace) && (
            <FlexItem>
              <ReporterView
                discovery={discovery}
                ns={ns}
                name={name}
                onSelect={(instance) => {
                  setInstance({ ns: instance.namespace, name: instance.crName });
                }}
              />
            </FlexItem>
          )}
        </Flex>
      </PageSection>
    </>
  );
};

export default TokenPage;
