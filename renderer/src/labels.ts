import { DEFAULT_SOURCE_KINDS } from '../../src/model/types';
import type { MessageKey, Translator } from '../../src/i18n';

/** The built-in source kinds are stored in English and shown in the researcher's language. */
export function kindLabel(t: Translator, kind: string): string {
  return DEFAULT_SOURCE_KINDS.includes(kind) ? t(`kind.${kind}` as MessageKey) : kind;
}

export const LANGUAGES = ['es', 'pt', 'en', 'und'] as const;

export function languageLabel(t: Translator, code: string): string {
  return (LANGUAGES as readonly string[]).includes(code) ? t(`language.${code}` as MessageKey) : code;
}
