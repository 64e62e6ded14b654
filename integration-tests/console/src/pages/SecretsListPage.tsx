import { useParams } from 'react-router';
import { Alert, PageSection, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceLink } from '../../sdk/components/ResourceLink';
import { Timestamp } from '../../sdk/components/Timestamp';
import { DocumentTitle, ListPageHeader } from '../../sdk/components/page';
import { useK8sWatchResource } from '../../sdk/watch-hooks';

type Secret = K8sResourceCommon & { type?: string };

/** Secrets of one namespace, or of all namespaces. */
export const SecretsListPage = () => {
  const { ns } = useParams();
  const watched = useK8sWatchResource<Secret[]>({
    groupVersionKind: { version: 'v1', kind: 'Secret' },
    isList: true,
    ...(ns ? { namespace: ns } : {}),
  });
  const [secrets, loaded] = watched;
  const error: unknown = watched[2];
  return (
    <>
      <DocumentTitle>Secrets</DocumentTitle>
      <ListPageHeader title="Secrets" />
      <PageSection hasBodyWrapper={false}>
        {error ? (
          <Alert variant="danger" isInline title="Error loading Secrets">
            {(error as Error).message}
          </Alert>
        ) : !loaded ? (
          <Spinner aria-label="Loading" />
        ) : (
          <Table aria-label="Secrets" variant="compact">
            <Thead>
              <Tr>
                <Th>Name</Th>
                <Th>Namespace</Th>
                <Th>Type</Th>
                <Th>Created</Th>
              </Tr>
            </Thead>
            <Tbody>
              {secrets.map((s) => (
                <Tr key={`${s.metadata?.namespace ?? ''}/${s.metadata?.name ?? ''}`}>
                  <Td dataLabel="Name">
                    <ResourceLink
                      groupVersionKind={{ version: 'v1', kind: 'Secret' }}
                      name={s.metadata?.name}
                      namespace={s.metadata?.namespace}
                    />
                  </Td>
                  <Td dataLabel="Namespace">{s.metadata?.namespace}</Td>
                  <Td dataLabel="Type">{s.type}</Td>
                  <Td dataLabel="Created">
                    <Timestamp timestamp={s.metadata?.creationTimestamp} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
};
