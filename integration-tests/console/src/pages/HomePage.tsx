import { Content, PageSection } from '@patternfly/react-core';
import { ListPageHeader } from '../../sdk/components/page';

export const HomePage = () => (
  <>
    <ListPageHeader title="Overview" />
    <PageSection hasBodyWrapper={false}>
      <Content>
        <p>
          A stand-in for the OpenShift console {window.SERVER_FLAGS.releaseVersion}: it loads the
          built plugins ({window.SERVER_FLAGS.consolePlugins.join(', ')}) as the console does and
          answers the Kubernetes API from an emulated cluster. Pick a user and a fixture in the
          masthead; the plugin pages are in the navigation.
        </p>
      </Content>
    </PageSection>
  </>
);

export const NotFoundPage = () => (
  <>
    <ListPageHeader title="404: Page Not Found" />
    <PageSection hasBodyWrapper={false}>
      <Content component="p">No page is registered at this address.</Content>
    </PageSection>
  </>
);
