/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { toReference } from '../k8s-ref';
import { findModel, useModelsState } from '../models';

/** The console's coloured kind badge (`S` for Secret, `D` for Deployment, ...). */
export const ResourceIcon: typeof SDK.ResourceIcon = ({ className, kind, groupVersionKind }) => {
  const models = useModelsState();
  const ref = toReference(groupVersionKind ?? kind);
  const model = findModel(models, ref);
  const kindName = model?.kind ?? ref?.split('~').pop() ?? '';
  const abbr = model?.abbr ?? kindName.replace(/[^A-Z]/g, '').slice(0, 4);
  return (
    <span
      className={['console-resource-icon', className].filter(Boolean).join(' ')}
      title={kindName}
      data-test="resource-icon"
    >
      {abbr}
    </span>
  );
};
