import { useEffect, useState, type ReactNode } from 'react';
import { openStore } from '@core/db/open-store';
import { errorText, ResearcherError } from '@core/model/errors';
import { db } from './db';
import { useI18n } from './i18n';

type State = { kind: 'opening' } | { kind: 'blocked' } | { kind: 'ready' } | { kind: 'problem'; message: string } | { kind: 'updated-elsewhere' };

/**
 * Opens the store before anything reads it, and says plainly when it cannot: a store
 * written by a newer version (left untouched), an upgrade waiting for another window, or
 * a newer version opened in another window (this one must reload).
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: 'opening' });
  useEffect(() => {
    db.on('versionchange', () => {
      db.close();
      setState({ kind: 'updated-elsewhere' });
      return false;
    });
    openStore(db, () => setState({ kind: 'blocked' })).then(
      () => setState({ kind: 'ready' }),
      (e: unknown) => setState({ kind: 'problem', message: e instanceof ResearcherError ? errorText(locale, e) : t('store.unavailable', { reason: errorText(locale, e) }) }),
    );
    // Once per page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (state.kind === 'ready') return <>{children}</>;
  if (state.kind === 'opening') return null;
  const message = state.kind === 'blocked' ? t('store.blocked') : state.kind === 'updated-elsewhere' ? t('store.updatedElsewhere') : state.message;
  return (
    <div className="view-error store-problem" role="alert">
      <h2>{t('app.name')}</h2>
      <p>{message}</p>
      {state.kind !== 'blocked' && (
        <button className="primary" onClick={() => location.reload()}>
          {t('store.reload')}
        </button>
      )}
    </div>
  );
}
