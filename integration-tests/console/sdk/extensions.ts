import { useCallback } from 'react';
import { useResolvedExtensions as useResolvedExtensionsCore } from '@openshift/dynamic-plugin-sdk';
import type { Extension } from '@openshift/dynamic-plugin-sdk';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** The console's variant takes any number of type guards and keeps extensions matching one of them. */
export const useResolvedExtensions: typeof SDK.useResolvedExtensions = (...typeGuards) => {
  const predicate = useCallback(
    (e: Extension): e is never => typeGuards.some((guard) => guard(e)),
    // Type guards are module-level functions in practice.
    typeGuards,
  );
  const [extensions, resolved, errors] = useResolvedExtensionsCore(predicate);
  return [extensions, resolved, errors] as never;
};
