import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Alert, PageSection } from '@patternfly/react-core';

type Props = { children?: ReactNode; title: string };
type State = { error?: Error };

/** Catches what a plugin component throws, as the console's error boundary does. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.title}: ${error.message}`, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <PageSection>
          <Alert
            variant="danger"
            isInline
            title={this.props.title}
            data-test="console-error-boundary"
          >
            {this.state.error.message}
          </Alert>
        </PageSection>
      );
    }
    return this.props.children;
  }
}
