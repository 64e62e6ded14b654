import i18n from 'i18next';
import type { BackendModule, ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Loads a namespace the way the console does: /locales/resource.json?lng=..&ns=.. */
const consoleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng: string, ns: string, callback: ReadCallback) => {
    fetch(`${window.SERVER_FLAGS.basePath}locales/resource.json?lng=${lng}&ns=${ns}`)
      .then(async (r) => {
        if (!r.ok) {
          throw new Error(`${String(r.status)} loading ${ns}`);
        }
        callback(null, (await r.json()) as Record<string, string>);
      })
      .catch((e: unknown) => {
        callback(e instanceof Error ? e : new Error(String(e)), false);
      });
  },
};

export const initI18n = () =>
  i18n
    .use(consoleBackend)
    .use(initReactI18next)
    .init({
      lng: 'en',
      fallbackLng: 'en',
      ns: ['public', ...window.SERVER_FLAGS.i18nNamespaces],
      defaultNS: 'public',
      nsSeparator: '~',
      keySeparator: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });

export default i18n;
