import { useState } from 'react';
import { createTranslator, LOCALES, type Locale, type Translator } from '@core/i18n';
import { useI18n } from '../i18n';

const KEY = 'qda-studio.exportLocale';

/** The language exports are written in: the researcher's choice, else the interface's. */
export function useExportLanguage(): { locale: Locale; setLocale(l: Locale | null): void; t: Translator } {
  const { locale: ui } = useI18n();
  const [chosen, setChosen] = useState(() => localStorage.getItem(KEY) as Locale | null);
  const locale = chosen && LOCALES.some((l) => l.id === chosen) ? chosen : ui;
  return {
    locale,
    setLocale(l) {
      if (l) localStorage.setItem(KEY, l);
      else localStorage.removeItem(KEY);
      setChosen(l);
    },
    t: createTranslator(locale),
  };
}

export function ExportLanguage({ value }: { value: ReturnType<typeof useExportLanguage> }) {
  const { t } = useI18n();
  return (
    <label className="export-language" title={t('export.language')}>
      {t('export.languageShort')}
      <select aria-label={t('export.language')} value={value.locale} onChange={(e) => value.setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
