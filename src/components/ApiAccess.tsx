import { useTranslation } from 'react-i18next';
import { Flex, FlexItem } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { snapshotRequestOf } from '../reporter/route';
import { CopyableCode } from './CopyableCode';

export type ApiAccessProps = {
  /** https://<host> of the Reporter API Route. */
  apiUrl: string;
  /** The decoded token, when it could be read. */
  token: string | undefined;
  revealed: boolean;
};

/** The Reporter API URL and an example request (token masked unless revealed). */
export const ApiAccess = ({ apiUrl, token, revealed }: ApiAccessProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  return (
    <Flex direction={{ default: 'column' }} gap={{ default: 'gapMd' }}>
      <FlexItem>
        <CopyableCode label={t('Reporter API URL')} text={apiUrl} dataTest={DataTest.apiUrl} />
      </FlexItem>
      {token && (
        <FlexItem>
          <CopyableCode
            label={t('Example request: license usage snapshot')}
            text={snapshotRequestOf(apiUrl, token)}
            // The URL carries the token URL-encoded: mask that form.
            secret={encodeURIComponent(token)}
            revealed={revealed}
            dataTest={DataTest.exampleRequest}
          />
        </FlexItem>
      )}
    </Flex>
  );
};
