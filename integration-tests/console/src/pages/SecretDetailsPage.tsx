import { useParams } from 'react-router';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  LabelGroup,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceIcon } from '../../sdk/components/ResourceIcon';
import { Timestamp } from '../../sdk/components/Timestamp';
import { DocumentTitle } from '../../sdk/components/page';
import { useK8sWatchResource } from '../../sdk/watch-hooks';
import { ResourceActions } from '../components/ResourceActions';
import { SecretModel } from '../models';

type Secret = K8sResourceCommon & { type?: string; data?: Record<string, string> };

const byteLength = (base64: string): number =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** A minimal Secret details page: metadata, the keys of its data (never the values), Actions. */
export const SecretDetailsPage = () => {
  const { ns = '', name = '' } = useParams();
  const watched = useK8sWatchResource<Secret>({
    groupVersionKind: { version: 'v1', kind: 'Secret' },
    name,
    namespace: ns,
  });
  const [secret, loaded] = watched;
  const error: unknown = watched[2];
  const labels = secret.metadata?.labels ?? {};
  return (
    <>
      <DocumentTitle>{`${name} · Secret details`}</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to={`/k8s/ns/${ns}/secrets`}>Secrets</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>Secret details</BreadcrumbItem>
        </Breadcrumb>
        <Flex
          justifyContent={{ default: 'justifyContentSpaceBetween' }}
          className="console-details-heading"
        >
          <FlexItem>
            <Title headingLevel="h1" data-test="page-heading">
              <ResourceIcon groupVersionKind={{ version: 'v1', kind: 'Secret' }} /> {name}
            </Title>
          </FlexItem>
          <FlexItem>{loaded && <ResourceActions model={SecretModel} resource={secret} />}</FlexItem>
        </Flex>
      </PageSection>
      <PageSection hasBodyWrapper={false}>
        {error ? (
          <Alert variant="danger" isInline title="Error loading Secret">
            {(error as Error).message}
          </Alert>
        ) : !loaded ? (
          <Spinner aria-label="Loading" />
        ) : (
          <>
            <Title headingLevel="h2">Secret details</Title>
            <DescriptionList isHorizontal>
              <DescriptionListGroup>
                <DescriptionListTerm>Name</DescriptionListTerm>
                <DescriptionListDescription data-test="secret-name">
                  {secret.metadata?.name}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Namespace</DescriptionListTerm>
                <DescriptionListDescription data-test="secret-namespace">
                  {secret.metadata?.namespace}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Type</DescriptionListTerm>
                <DescriptionListDescription>{secret.type}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Labels</DescriptionListTerm>
                <DescriptionListDescription>
                  <LabelGroup numLabels={10}>
                    {Object.entries(labels).map(([k, v]) => (
                      <Label key={k} isCompact>{`${k}=${v}`}</Label>
                    ))}
                  </LabelGroup>
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Created at</DescriptionListTerm>
                <DescriptionListDescription>
                  <Timestamp timestamp={secret.metadata?.creationTimestamp} />
                </DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
            <Title headingLevel="h2" className="console-section-title">
              Data
            </Title>
            <Table aria-label="Secret data" variant="compact">
              <Thead>
                <Tr>
                  <Th>Key</Th>
                  <Th>Size</Th>
                </Tr>
              </Thead>
              <Tbody>
                {Object.entries(secret.data ?? {}).map(([key, value]) => (
                  <Tr key={key}>
                    <Td dataLabel="Key">{key}</Td>
                    <Td dataLabel="Size">{`${String(byteLength(value))} bytes`}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </>
        )}
      </PageSection>
    </>
  );
};
