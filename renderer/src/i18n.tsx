import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createTranslator, pickLocale, type Locale, type Translator } from '@core/i18n';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translator;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'qda-studio.locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) as Locale | null) ?? pickLocale(navigator.languages));
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLocaleState(next);
      },
      t: createTranslator(locale),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
