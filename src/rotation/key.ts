import type { ReporterInstance } from '../reporter/types';

/** Key of a Reporter in the rotation store: `<namespace>/<crName>`. */
export const reporterKey = (instance: Pick<ReporterInstance, 'namespace' | 'crName'>) =>
  `${instance.namespace}/${instance.crName}`;
