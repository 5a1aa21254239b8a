import { DEFAULT_SOURCE_KINDS, type ImportNote } from '@core/model/types';
import type { ImportError } from '@core/import/result';
import type { MessageKey, Translator } from '@core/i18n';

/** The built-in source kinds are stored in English and shown in the researcher's language. */
export function kindLabel(t: Translator, kind: string): string {
  return DEFAULT_SOURCE_KINDS.includes(kind) ? t(`kind.${kind}` as MessageKey) : kind;
}

export const LANGUAGES = ['es', 'pt', 'en', 'und'] as const;

export function languageLabel(t: Translator, code: string): string {
  return (LANGUAGES as readonly string[]).includes(code) ? t(`language.${code}` as MessageKey) : code;
}

/** An import note in the researcher's language (notes stored before they had codes are shown as written). */
export function noteText(t: Translator, note: ImportNote): string {
  return t(`import.note.${note.code}`, note.params);
}

/** Why a file was refused, in the researcher's language. */
export function importErrorText(t: Translator, error: Pick<ImportError, 'code' | 'message' | 'params'>): string {
  // A damaged file names its format and the reader's reason, which read in any language.
  if (error.code === 'corrupt' && error.params?.format !== undefined) return t('import.error.damaged', { ...error.params, message: error.message });
  // A full disk is told with its figures once they are read (see useImportQueue).
  if (error.code === 'storage-full' && error.params?.used === undefined) return t('import.error.storage-full-plain');
  return t(`import.error.${error.code}` as MessageKey, { ...error.params, message: error.message });
}
