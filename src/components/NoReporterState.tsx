import { useTranslation } from 'react-i18next';
import { Alert } from '@patternfly/react-core';
import { DataTest } from '../data-test';
import { REPORTER_DOCS_URL } from '../reporter/links';

export type NoReporterStateProps = {
  /** The CRD itself is missing (License Service Reporter operator not installed). */
  notInstalled?: boolean;
  /** Only this namespace was searched. */
  namespace?: string;
};

/** Nothing to show: says what is missing and where IBM documents installing it. */
export const NoReporterState = ({ notInstalled, namespace }: NoReporterStateProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const body = notInstalled
    ? t(
        'The IBMLicenseServiceReporter resource type does not exist on this cluster: the License Service Reporter operator is not installed.',
      )
    : namespace
      ? t(
          'There is no IBMLicenseServiceReporter resource in namespace {{namespace}}. The token Secret exists only once License Service Reporter is installed there.',
          { namespace },
        )
      : t(
          'There is no IBMLicenseServiceReporter resource in any namespace. The token Secret exists only once License Service Reporter is installed.',
        );
  return (
    // An inline Alert rather than EmptyState: one PatternFly module less in the entry script.
    <Alert
      isInline
      variant="info"
      title={t('No License Service Reporter found')}
      data-test={DataTest.noReporter}
      actionLinks={
        <a href={REPORTER_DOCS_URL} target="_blank" rel="noopener noreferrer">
          {t('How to install License Service Reporter (IBM documentation)')}
        </a>
      }
    >
      {body}
    </Alert>
  );
};
