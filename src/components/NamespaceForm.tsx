import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Form,
  FormGroup,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { namespaceProblemOf } from '../reporter/namespace';
import type { NamespaceProblem } from '../reporter/namespace';

export type NamespaceFormProps = {
  /** Initial value (e.g. the namespace from the URL). */
  initial?: string;
  /** Called with a valid namespace name. */
  onSubmit: (namespace: string) => void;
};

/** Lets a user who may not list Reporters cluster-wide name the namespace to look in. */
export const NamespaceForm = ({ initial = '', onSubmit }: NamespaceFormProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const [value, setValue] = useState(initial);
  // A namespace from the address is checked at once: an invalid one is never looked in.
  const [problem, setProblem] = useState<NamespaceProblem | undefined>(() =>
    initial ? namespaceProblemOf(initial) : undefined,
  );

  const message = (p: NamespaceProblem): string => {
    switch (p) {
      case 'empty':
        return t('Enter the namespace where License Service Reporter is installed.');
      case 'too-long':
        return t('A namespace name has at most 63 characters.');
      case 'invalid':
        return t(
          'A namespace name uses only lowercase letters, digits and "-", and starts and ends with a letter or digit.',
        );
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = value.trim();
    const p = namespaceProblemOf(name);
    setProblem(p);
    if (!p) onSubmit(name);
  };

  return (
    <Form onSubmit={submit} data-test={DataTest.namespaceForm}>
      <FormGroup
        label={t('Namespace of License Service Reporter')}
        fieldId="lsr-token-plugin-namespace"
      >
        <TextInput
          id="lsr-token-plugin-namespace"
          value={value}
          onChange={(_e, v) => {
            setValue(v);
            setProblem(undefined);
          }}
          validated={problem ? 'error' : 'default'}
          aria-describedby="lsr-token-plugin-namespace-help"
          data-test={DataTest.namespaceInput}
          spellCheck={false}
          autoComplete="off"
        />
        <HelperText id="lsr-token-plugin-namespace-help">
          <HelperTextItem variant={problem ? 'error' : 'default'}>
            {problem ? message(problem) : t('For example ibm-ls-reporter or ibm-licensing.')}
          </HelperTextItem>
        </HelperText>
      </FormGroup>
      <div>
        <Button type="submit" variant="secondary" data-test={DataTest.namespaceSubmit}>
          {t('Look in this namespace')}
        </Button>
      </div>
    </Form>
  );
};
