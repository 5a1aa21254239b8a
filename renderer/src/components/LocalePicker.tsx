import { LOCALES, type Locale } from '@core/i18n';
import { useI18n } from '../i18n';

export function LocalePicker() {
  const { locale, setLocale, t } = useI18n();
  return (
    <select className="locale" aria-label={t('app.language')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
      {LOCALES.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
