import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the Encoding API that browsers (and the token code) have.
Object.assign(globalThis, { TextDecoder, TextEncoder });

// Translations as the console configures i18next (no resources: keys are the English texts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: {},
  nsSeparator: '~',
  keySeparator: false,
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

// Components and browser tests select by the IDs of src/data-test.ts.
configure({ testIdAttribute: 'data-test' });
