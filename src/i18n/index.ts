import { en, type MessageKey } from './en';
import { es } from './es';
import { pt } from './pt';

export type { MessageKey } from './en';
export type Locale = 'en' | 'es' | 'pt';
export type Params = Record<string, string | number>;

/** Spanish and Portuguese catalogues may lag behind English; missing keys fall back to it. */
const CATALOGUES: Record<Locale, Partial<Record<MessageKey, string>>> = { en, es, pt };

export const LOCALES: { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'es', name: 'Español' },
  { id: 'pt', name: 'Português' },
];

export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'es' || base === 'pt') return base;
  }
  return 'en';
}

const INLINE_PLURAL = /\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g;

/**
 * Every UI string goes through here. A message may have plural forms, written
 * "{count} source|{count} sources" (one|other), picked with the locale's plural rules; a
 * word that follows another number is written "{sources} {sources|source|sources}".
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  // A word that follows another number than the count is written "{name|one|other}".
  const raw = CATALOGUES[locale][key] ?? en[key] ?? key;
  const template =
    raw.includes('|{') || /\{\w+\|/.test(raw)
      ? raw.replace(INLINE_PLURAL, (_, name: string, one: string, other: string) =>
          typeof params[name] === 'number' && formats(locale).plural.select(params[name] as number) === 'one' ? one : other,
        )
      : raw;
  let chosen = template;
  if (template.includes('|') && typeof params.count === 'number') {
    const [one, other] = template.split('|');
    chosen = formats(locale).plural.select(params.count) === 'one' ? one : other;
  }
  if (!chosen.includes('{')) return chosen;
  return chosen.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? formatParam(locale, params[name]) : `{${name}}`));
}

// Building Intl formatters is costly: the codebook and the viewer format thousands of numbers.
const FORMATS = new Map<Locale, { number: Intl.NumberFormat; plural: Intl.PluralRules }>();
function formats(locale: Locale) {
  let f = FORMATS.get(locale);
  if (!f) FORMATS.set(locale, (f = { number: new Intl.NumberFormat(locale), plural: new Intl.PluralRules(locale) }));
  return f;
}

function formatParam(locale: Locale, value: string | number): string {
  return typeof value === 'number' ? formats(locale).number.format(value) : value;
}

export type Translator = (key: MessageKey, params?: Params) => string;

/** Tables made without a language (tests, defaults) speak English. */
export const inEnglish: Translator = (key, params) => translate('en', key, params);

export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
