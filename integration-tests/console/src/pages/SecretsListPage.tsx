import { useParams } from 'react-router';
import type {
  K8sResourceCommon,
  RowProps,
  TableColumn,
} from '@openshift-console/dynamic-plugin-sdk';
import { ResourceLink } from '../../sdk/components/ResourceLink';
import { Timestamp } from '../../sdk/components/Timestamp';
import {
  ListPageFilter,
  TableData,
  VirtualizedTable,
  useListPageFilter,
} from '../../sdk/components/list-page';
import { DocumentTitle, ListPageBody, ListPageHeader } from '../../sdk/components/page';
import { useK8sWatchResource } from '../../sdk/watch-hooks';

type Secret = K8sResourceCommon & { type?: string };

const columns: TableColumn<Secret>[] = [
  { title: 'Name', id: 'name' },
  { title: 'Namespace', id: 'namespace' },
  { title: 'Type', id: 'type' },
  { title: 'Created', id: 'created' },
];

const SecretRow = ({ obj, activeColumnIDs }: RowProps<Secret>) => (
  <>
    <TableData id="name" activeColumnIDs={activeColumnIDs}>
      <ResourceLink
        groupVersionKind={{ version: 'v1', kind: 'Secret' }}
        name={obj.metadata?.name}
        namespace={obj.metadata?.namespace}
      />
    </TableData>
    <TableData id="namespace" activeColumnIDs={activeColumnIDs}>
      {obj.metadata?.namespace}
    </TableData>
    <TableData id="type" activeColumnIDs={activeColumnIDs}>
      {obj.type}
    </TableData>
    <TableData id="created" activeColumnIDs={activeColumnIDs}>
      <Timestamp timestamp={obj.metadata?.creationTimestamp} />
    </TableData>
  </>
);

/** Secrets of one namespace, or of all namespaces, built from the SDK's list components. */
export const SecretsListPage = () => {
  const { ns } = useParams();
  const watched = useK8sWatchResource<Secret[]>({
    groupVersionKind: { version: 'v1', kind: 'Secret' },
    isList: true,
    ...(ns ? { namespace: ns } : {}),
  });
  const [secrets, loaded] = watched;
  const error: unknown = watched[2];
  const [data, filtered, onFilterChange] = useListPageFilter(secrets);
  return (
    <>
      <DocumentTitle>Secrets</DocumentTitle>
      <ListPageHeader title="Secrets" />
      <ListPageBody>
        <ListPageFilter data={data} loaded={loaded} onFilterChange={onFilterChange} />
        <VirtualizedTable<Secret>
          data={filtered}
          unfilteredData={data}
          loaded={loaded}
          loadError={error}
          columns={columns}
          Row={SecretRow}
          aria-label="Secrets"
        />
      </ListPageBody>
    </>
  );
};
