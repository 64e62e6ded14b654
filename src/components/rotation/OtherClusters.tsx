import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Content,
  Flex,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import { DataTest } from '../../data-test';
import { CopyableCode } from '../CopyableCode';
import {
  DEFAULT_SENDER_NAMESPACE,
  DEFAULT_TOKEN_SECRET,
  applyCommand,
  isDnsLabel,
  isDnsSubdomain,
  restartCommand,
  rolloutCommand,
  tokenYaml,
  yamlQuoted,
} from './token-yaml';

export type OtherClustersProps = {
  token: string;
  reporterUrl?: string;
};

/** What to run on each cluster whose License Service sends to this Reporter. */
export const OtherClusters = ({ token, reporterUrl }: OtherClustersProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const [revealed, setRevealed] = useState(false);
  const [namespace, setNamespace] = useState(DEFAULT_SENDER_NAMESPACE);
  const [name, setName] = useState(DEFAULT_TOKEN_SECRET);
  const nsValid = isDnsLabel(namespace);
  const nameValid = isDnsSubdomain(name);
  const ns = nsValid ? namespace : DEFAULT_SENDER_NAMESPACE;
  const secretName = nameValid ? name : DEFAULT_TOKEN_SECRET;

  return (
    <Flex
      direction={{ default: 'column' }}
      gap={{ default: 'gapMd' }}
      component="section"
      data-test={DataTest.rotationOtherClusters}
    >
      <Content component="h3">{t('Update License Services on other clusters')}</Content>
      <Content component="p">
        {reporterUrl
          ? t(
              'Each License Service on another cluster that sends to {{url}} keeps the previous token and stops sending until you run these commands there (logged in to that cluster with oc).',
              { url: reporterUrl },
            )
          : t(
              'Each License Service on another cluster that sends to this Reporter keeps the previous token and stops sending until you run these commands there (logged in to that cluster with oc).',
            )}
      </Content>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <FormGroup
          label={t('License Service namespace on that cluster')}
          fieldId="lsr-token-plugin-other-ns"
        >
          <TextInput
            id="lsr-token-plugin-other-ns"
            value={namespace}
            onChange={(_e, v) => {
              setNamespace(v.trim());
            }}
            validated={nsValid ? 'default' : 'error'}
            data-test={DataTest.rotationOtherNamespace}
          />
          {!nsValid && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error">
                  {t(
                    'Not a namespace name (lower-case letters, digits and -, at most 63): the commands use {{ns}}.',
                    { ns: DEFAULT_SENDER_NAMESPACE },
                  )}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup
          label={t('Secret name (spec.sender.reporterSecretToken)')}
          fieldId="lsr-token-plugin-other-name"
        >
          <TextInput
            id="lsr-token-plugin-other-name"
            value={name}
            onChange={(_e, v) => {
              setName(v.trim());
            }}
            validated={nameValid ? 'default' : 'error'}
            data-test={DataTest.rotationOtherSecretName}
          />
          {!nameValid && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error">
                  {t('Not a Secret name: the commands use {{name}}.', {
                    name: DEFAULT_TOKEN_SECRET,
                  })}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      </Form>
      <div>
        <Button
          variant="link"
          isInline
          icon={revealed ? <EyeSlashIcon /> : <EyeIcon />}
          aria-pressed={revealed}
          onClick={() => {
            setRevealed(!revealed);
          }}
          data-test={DataTest.rotationOtherReveal}
        >
          {t('Show the token in token.yml')}
        </Button>
      </div>
      <CopyableCode
        label={t('1. Save as token.yml')}
        text={tokenYaml(token, ns, secretName)}
        secret={yamlQuoted(token)}
        revealed={revealed}
        dataTest={DataTest.rotationTokenYaml}
      />
      <CopyableCode
        label={t('2. Apply it')}
        text={applyCommand()}
        dataTest={DataTest.rotationApplyCommand}
      />
      <CopyableCode
        label={t('3. Restart License Service (or: {{alt}})', { alt: rolloutCommand(ns) })}
        text={restartCommand(ns)}
        dataTest={DataTest.rotationRestartCommand}
      />
      <Content component="p">
        {t('Delete token.yml afterwards: it holds the token in clear text.')}
      </Content>
    </Flex>
  );
};
