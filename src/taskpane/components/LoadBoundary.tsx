import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';
import { describeError } from '../errors';
import { usePane } from './context';

/**
 * Around parts of the pane whose code is fetched on demand: while it loads nothing is shown,
 * and if it cannot be fetched (network, add-in updated meanwhile) the part says so instead of
 * taking the whole pane down.
 */
export function LoadBoundary({ children }: { children: ReactNode }) {
  return (
    <Catch>
      <Suspense fallback={null}>{children}</Suspense>
    </Catch>
  );
}

class Catch extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    return this.state.error ? <LoadFailed error={this.state.error} /> : this.props.children;
  }
}

function LoadFailed({ error }: { error: unknown }) {
  const { t, lang } = usePane();
  const described = describeError(error, t, lang);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {described.help} {described.detail}
      </MessageBarBody>
    </MessageBar>
  );
}
