import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Content, PageSection, Title } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

export const ListPageHeader: typeof SDK.ListPageHeader = ({
  title,
  badge,
  children,
  helpAlert,
  helpText,
}) => (
  <PageSection hasBodyWrapper={false} className="console-page-heading">
    {title && (
      <div className="console-page-heading__row">
        <Title headingLevel="h1" data-test="page-heading">
          {title}
          {badge ? <span className="console-page-heading__badge">{badge}</span> : null}
        </Title>
        {children ? <div className="console-page-heading__actions">{children}</div> : null}
      </div>
    )}
    {!title && (children || badge)}
    {helpText ? <Content component="p">{helpText}</Content> : null}
    {helpAlert}
  </PageSection>
);

export const ListPageBody: typeof SDK.ListPageBody = ({ children }: { children?: ReactNode }) => (
  <PageSection hasBodyWrapper={false}>{children}</PageSection>
);

/** Sets the browser tab title, as the console's DocumentTitle does with its product suffix. */
export const DocumentTitle: typeof SDK.DocumentTitle = ({ children }) => {
  useEffect(() => {
    document.title = `${children} · Red Hat OpenShift`;
  }, [children]);
  return null;
};
