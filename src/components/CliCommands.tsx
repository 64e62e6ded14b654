import { useTranslation } from 'react-i18next';
import { Flex, FlexItem } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { cliCommandsFor } from '../reporter/cli-commands';
import { CopyableCode } from './CopyableCode';

export type CliCommandsProps = { namespace: string; secretName: string };

/** IBM's CLI procedure with this Reporter's namespace and Secret name filled in. */
export const CliCommands = ({ namespace, secretName }: CliCommandsProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const commands = cliCommandsFor(namespace, secretName);
  return (
    <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
      <FlexItem>
        <CopyableCode label={t('Linux')} text={commands.linux} dataTest={DataTest.cliLinux} />
      </FlexItem>
      <FlexItem>
        <CopyableCode label={t('macOS')} text={commands.macos} dataTest={DataTest.cliMacos} />
      </FlexItem>
      <FlexItem>
        <CopyableCode
          label={t('Windows (prints the base64 value: decode it to get the token)')}
          text={commands.windows}
          dataTest={DataTest.cliWindows}
        />
      </FlexItem>
      <FlexItem>
        <CopyableCode
          label={t('Windows PowerShell (prints the decoded token)')}
          text={commands.powershell}
          dataTest={DataTest.cliPowershell}
        />
      </FlexItem>
    </Flex>
  );
};
