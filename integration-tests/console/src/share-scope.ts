import * as React from 'react';
import * as ReactI18next from 'react-i18next';
import * as ReactRouter from 'react-router';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';
import * as ReduxThunk from 'redux-thunk';
import * as PluginSDK from '@openshift/dynamic-plugin-sdk';
import { patternflyDynamicModules, sharedVersions } from 'console-host-pf-dynamic-modules';
import * as ConsoleSDK from '../sdk';
import * as ConsoleSDKInternal from '../sdk-internal';

/** webpack's share scope shape: scope[pkg][version] = {get, from, eager, loaded}. */
export type ShareScope = Record<
  string,
  Record<string, { get: () => Promise<() => unknown>; from: string; eager: boolean; loaded?: 1 }>
>;

const CONSOLE_VERSION = '4.22.0';
const FROM = 'openshift-console';

const version = (pkg: string): string => {
  const v = sharedVersions[pkg];
  if (!v) {
    throw new Error(`No version for ${pkg}`);
  }
  return v;
};

/**
 * The modules console 4.22 provides to plugins. The host has already evaluated every one of them
 * (imported eagerly), so each entry is eager and resolves at once.
 */
export const buildShareScope = ({ patternfly }: { patternfly: boolean }): ShareScope => {
  const scope: ShareScope = {};
  const provide = (name: string, ver: string, module: unknown, loaded: boolean) => {
    scope[name] = {
      ...scope[name],
      [ver]: {
        get: () => Promise.resolve(() => module),
        from: FROM,
        eager: true,
        ...(loaded ? { loaded: 1 as const } : {}),
      },
    };
  };
  // Singletons (the console's sharedPluginModules); the host itself runs on them, hence loaded.
  provide('react', version('react'), React, true);
  provide('react-i18next', version('react-i18next'), ReactI18next, true);
  provide('react-router', version('react-router'), ReactRouter, true);
  // react-router v7 merged react-router-dom into react-router: both deprecated names resolve to it.
  provide('react-router-dom', version('react-router'), ReactRouter, true);
  provide('react-router-dom-v5-compat', version('react-router'), ReactRouter, true);
  provide('react-redux', version('react-redux'), ReactRedux, true);
  provide('redux', version('redux'), Redux, true);
  provide('redux-thunk', version('redux-thunk'), ReduxThunk, true);
  provide(
    '@openshift/dynamic-plugin-sdk',
    version('@openshift/dynamic-plugin-sdk'),
    PluginSDK,
    true,
  );
  provide('@openshift-console/dynamic-plugin-sdk', CONSOLE_VERSION, ConsoleSDK, true);
  provide(
    '@openshift-console/dynamic-plugin-sdk-internal',
    CONSOLE_VERSION,
    ConsoleSDKInternal,
    true,
  );
  // @patternfly/react-topology is a console singleton too; it is not installed here and the plugin
  // does not use it, so the stand-in does not provide it.
  if (patternfly) {
    patternflyDynamicModules.forEach(([name, ver, module]) => {
      provide(name, ver, module, false);
    });
  }
  return scope;
};
