/**
 * What an exchange import skipped, repaired or mapped, and why: shown to the researcher in
 * her language from its code and values; `message` is the English, for logs and tests.
 */
export type ExchangeNoteCode =
  | 'not-imported-sources'
  | 'not-imported-parts'
  | 'missing-text'
  | 'missing-note-text'
  | 'rich-text-only'
  | 'selection-outside-text'
  | 'selections-without-text'
  | 'selection-unknown-code'
  | 'selection-text-differs'
  | 'selection-memo-kept-on-source'
  | 'positions-counted'
  | 'duplicate-guid'
  | 'note-links-dropped'
  | 'value-not-read'
  | 'own-part-unreadable';

export interface ExchangeNote {
  code: ExchangeNoteCode;
  params: Record<string, string | number>;
  message: string;
}

export class ExchangeReport {
  readonly notes: ExchangeNote[] = [];
  add(code: ExchangeNoteCode, message: string, params: Record<string, string | number> = {}) {
    this.notes.push({ code, params, message });
  }
}
