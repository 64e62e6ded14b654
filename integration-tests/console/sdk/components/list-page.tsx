/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Alert,
  Button,
  EmptyState,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '../access-review';
import { useActiveNamespace } from '../app-state';
import { k8sDelete } from '../k8s-resource';
import { findModel, useModelsState } from '../models';
import { toReference } from '../k8s-ref';
import { useOverlay } from '../overlay';
import { resourcePath } from './ResourceLink';

/** The console's table: a header from `columns`, one `Row` per item (no virtualisation here). */
export const VirtualizedTable: typeof SDK.VirtualizedTable = ({
  data,
  unfilteredData,
  loaded,
  loadError,
  columns,
  Row,
  NoDataEmptyMsg,
  EmptyMsg,
  rowData,
  label,
  'aria-label': ariaLabel,
}) => {
  const activeColumnIDs = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  if (loadError) {
    return (
      <Alert variant="danger" isInline title="Error loading resources">
        {String((loadError as Error | undefined)?.message ?? loadError)}
      </Alert>
    );
  }
  if (!loaded) {
    return <Spinner aria-label="Loading" />;
  }
  if (unfilteredData.length === 0) {
    return NoDataEmptyMsg ? <NoDataEmptyMsg /> : <EmptyState titleText="No resources found" />;
  }
  if (data.length === 0) {
    return EmptyMsg ? <EmptyMsg /> : <EmptyState titleText="No resources match the filter" />;
  }
  return (
    <Table aria-label={ariaLabel ?? label} variant="compact">
      <Thead>
        <Tr>
          {columns.map((c) => (
            <Th key={c.id}>{c.title}</Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {data.map((obj, index) => (
          <Tr key={(obj as K8sResourceCommon).metadata?.uid ?? index}>
            <Row
              obj={obj}
              rowData={rowData as never}
              activeColumnIDs={activeColumnIDs}
              index={index}
            />
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export const TableData: typeof SDK.TableData = ({ id, activeColumnIDs, className, children }) =>
  activeColumnIDs.has(id) ? (
    <Td dataLabel={id} className={className}>
      {children}
    </Td>
  ) : null;

/** Every column is active (the stand-in has no column management). */
export const useActiveColumns: typeof SDK.useActiveColumns = ({ columns }) => [columns, true];

/** A name filter (the console's text filter; row filters are not offered). */
export const useListPageFilter: typeof SDK.useListPageFilter = (data) => {
  const [name, setName] = useState('');
  const filtered = useMemo(
    () =>
      name
        ? data.filter((d) => ((d as K8sResourceCommon).metadata?.name ?? '').includes(name))
        : data,
    [data, name],
  );
  const onFilterChange = (type: string, value: unknown) => {
    if (type === 'name') {
      setName(typeof value === 'string' ? value : '');
    }
  };
  return [data, filtered, onFilterChange];
};

export const ListPageFilter: typeof SDK.ListPageFilter = ({ onFilterChange, loaded }) => {
  const [value, setValue] = useState('');
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <TextInput
            aria-label="Filter by name"
            placeholder="Filter by name..."
            value={value}
            isDisabled={!loaded}
            onChange={(_e, v) => {
              setValue(v);
              onFilterChange('name', v as never);
            }}
          />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};

const useCreateAllowed = (review?: SDK.ListPageCreateLinkProps['createAccessReview']) => {
  const models = useModelsState();
  const model = review ? findModel(models, toReference(review.groupVersionKind)) : undefined;
  const [allowed] = useAccessReview({
    group: model?.apiGroup ?? '',
    resource: model?.plural ?? '',
    verb: 'create',
    ...(review?.namespace ? { namespace: review.namespace } : {}),
  });
  return !review || allowed;
};

export const ListPageCreateLink: typeof SDK.ListPageCreateLink = ({
  to,
  children,
  createAccessReview,
}) =>
  useCreateAllowed(createAccessReview) ? (
    <Link to={to}>
      <Button variant="primary">{children}</Button>
    </Link>
  ) : null;

export const ListPageCreateButton: typeof SDK.ListPageCreateButton = ({
  createAccessReview,
  ...props
}) => (useCreateAllowed(createAccessReview) ? <Button variant="primary" {...props} /> : null);

/** A create button for a model: to the console's `.../~new` page of that kind. */
export const ListPageCreate: typeof SDK.ListPageCreate = ({ groupVersionKind, children }) => {
  const models = useModelsState();
  const [ns] = useActiveNamespace();
  const model = findModel(models, toReference(groupVersionKind));
  const allowed = useCreateAllowed({
    groupVersionKind,
    ...(ns !== '#ALL_NS#' ? { namespace: ns } : {}),
  });
  if (!model || !allowed) {
    return null;
  }
  const base = resourcePath(model, undefined, ns === '#ALL_NS#' ? 'default' : ns);
  return (
    <Link to={`${base}/~new`}>
      <Button variant="primary">{children}</Button>
    </Link>
  );
};

type DeleteModalProps = {
  resource: K8sResourceCommon;
  redirectTo?: unknown;
  closeOverlay: () => void;
};

const DeleteModal = ({ resource, redirectTo, closeOverlay }: DeleteModalProps) => {
  const models = useModelsState();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const gvk =
    resource.apiVersion && resource.kind
      ? toReference(
          resource.apiVersion.includes('/')
            ? {
                group: resource.apiVersion.split('/')[0],
                version: resource.apiVersion.split('/')[1] ?? '',
                kind: resource.kind,
              }
            : { version: resource.apiVersion, kind: resource.kind },
        )
      : undefined;
  const model = findModel(models, gvk);
  const name = resource.metadata?.name ?? '';
  const onDelete = () => {
    if (!model) {
      setError('Unknown resource type');
      return;
    }
    k8sDelete({ model, resource }).then(
      () => {
        closeOverlay();
        if (typeof redirectTo === 'string') {
          void navigate(redirectTo);
        }
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <Modal isOpen variant="small" onClose={closeOverlay} aria-labelledby="console-delete-title">
      <ModalHeader
        title={`Delete ${resource.kind ?? ''}?`}
        labelId="console-delete-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        Are you sure you want to delete <strong>{name}</strong>
        {resource.metadata?.namespace ? ` in namespace ${resource.metadata.namespace}` : ''}?
        {error && (
          <Alert variant="danger" isInline title="Delete failed">
            {error}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onDelete}>
          Delete
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
};

/** Returns a launcher for the console's delete confirmation of `resource`. */
export const useDeleteModal: typeof SDK.useDeleteModal = (resource, redirectTo) => {
  const launch = useOverlay();
  return () => {
    launch(DeleteModal as never, { resource, redirectTo });
  };
};
