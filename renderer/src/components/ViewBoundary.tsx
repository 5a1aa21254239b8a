import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  children: ReactNode;
  /** Where "go back" leads (the source list); without it, only "try again". */
  onBack?(): void;
  /** What "go back" leads to, for its label. */
  backTo?: 'sources' | 'projects';
}

/**
 * A view that fails to draw shows what happened and a way on, never a white page. What
 * the researcher typed is already in the store or its draft (see useTypedField), and the
 * fields' last saves run as the view goes.
 */
export function ViewBoundary({ children, onBack, backTo = 'sources' }: Props) {
  const { t } = useI18n();
  return (
    <Boundary
      fallback={(error, reset) => (
        <div className="view-error" role="alert">
          <h2>{t('error.viewTitle')}</h2>
          <p>{t('error.viewBody')}</p>
          <pre className="hint">{error.message}</pre>
          <div className="button-row">
            <button className="primary" onClick={reset}>
              {t('error.tryAgain')}
            </button>
            {onBack && (
              <button
                onClick={() => {
                  reset();
                  onBack();
                }}
              >
                {t(backTo === 'sources' ? 'error.back' : 'error.backToProjects')}
              </button>
            )}
          </div>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}

class Boundary extends Component<{ children: ReactNode; fallback(error: Error, reset: () => void): ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A view failed to draw', error, info.componentStack);
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error, () => this.setState({ error: null })) : this.props.children;
  }
}
