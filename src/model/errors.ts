import { translate, type Locale, type MessageKey } from '../i18n';

/** A message to show in the researcher's language: a key and its values. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A value in a refusal: text, a number, or a message of its own (an undo step's name). */
export type ErrorParam = string | number | Message;

/**
 * A refusal that reaches the researcher: a message key and its values, so the UI shows it
 * in the researcher's language; `message` is English, for logs and tests.
 */
export class ResearcherError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, ErrorParam> = {},
  ) {
    super(translateError('en', key, params));
  }
}

function translateError(locale: Locale, key: MessageKey, params: Record<string, ErrorParam>): string {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? translate(locale, v.key, v.params) : v]));
  return translate(locale, key, flat);
}

/** What went wrong, in the researcher's language: a refusal's own message, else the error's text. */
export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof ResearcherError) return translateError(locale, error.key, error.params);
  return error instanceof Error ? error.message : String(error);
}
