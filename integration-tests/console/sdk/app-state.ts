/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import { createContext, useCallback, useState, useSyncExternalStore } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { Store } from './store';

export const ALL_NAMESPACES_KEY = '#ALL_NS#';

export const isAllNamespacesKey = (ns: string): boolean => ns === ALL_NAMESPACES_KEY;

/** The namespace in the URL (`/k8s/ns/<ns>/...`, `?ns=`) or the last one chosen, like the console's. */
export const activeNamespaceStore = new Store<string>(ALL_NAMESPACES_KEY);

export const useActiveNamespace: typeof SDK.useActiveNamespace = () => {
  const ns = useSyncExternalStore(activeNamespaceStore.subscribe, activeNamespaceStore.get);
  return [ns, activeNamespaceStore.set];
};

/** Console feature flags (FLAGS in the console's redux store): set by the host from console.flag/model. */
export const flagsStore = new Store<Record<string, boolean | undefined>>({});

export const setFlags = (flags: Record<string, boolean | undefined>): void => {
  flagsStore.set({ ...flagsStore.get(), ...flags });
};

export const useFlag: typeof SDK.useFlag = (flag) =>
  useSyncExternalStore(flagsStore.subscribe, flagsStore.get)[flag] as boolean;

export const perspectiveStore = new Store<string>('admin');

export const useActivePerspective: typeof SDK.useActivePerspective = () => {
  const p = useSyncExternalStore(perspectiveStore.subscribe, perspectiveStore.get);
  return [p, perspectiveStore.set];
};

export const PerspectiveContext = createContext<{
  activePerspective: string;
  setActivePerspective: (p: string) => void;
}>({ activePerspective: 'admin', setActivePerspective: () => undefined });

const SETTINGS_PREFIX = 'console-user-settings/';

/** The console keeps user settings in a ConfigMap and mirrors them in localStorage; this keeps localStorage. */
export const useUserSettings: typeof SDK.useUserSettings = <T>(key: string, defaultValue?: T) => {
  const read = (): T | undefined => {
    const raw = localStorage.getItem(SETTINGS_PREFIX + key);
    return raw === null ? defaultValue : (JSON.parse(raw) as T);
  };
  const [value, setValue] = useState<T | undefined>(read);
  const set = useCallback(
    (v: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const next = typeof v === 'function' ? (v as (p: T) => T)(prev as T) : v;
        localStorage.setItem(SETTINGS_PREFIX + key, JSON.stringify(next));
        return next;
      });
    },
    [key],
  );
  return [value as T, set, true];
};

export const useUserPreference: typeof SDK.useUserPreference = <T>(key: string, defaultValue?: T) =>
  useUserSettings<T>(key, defaultValue);
