import { Component, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/**
 * Keeps one step's failure to draw (a bug, or figures an edited project file holds that no check foresaw)
 * from blanking the whole page: the step shows the general error message instead, the others stay.
 */
export class StepBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="step">
        <ErrorAlert error={{ code: 'internal' }} onDismiss={() => this.setState({ failed: false })} />
      </section>
    );
  }
}
