/**
 * Where a bold run that opens a paragraph ends. Importers that see formatting put it in a
 * paragraph's text; joinParagraphs takes it out (a noncharacter: no document holds it).
 */
export const BOLD_LEAD_END = '\uFDD0';

/** What a speaker's name looks like: a few words, no sentence in them, nor a run-in heading's full stop ("**Resultados.** La familia…"). */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}.'’ /()-]{0,39}(?<!\.)$/u;

/**
 * Transcribers often set a speaker's name in bold with no colon: "**Entrevistadora** ¿Cómo
 * está?". When a paragraph opens with a name in bold and words follow, the space after the
 * name becomes a tab, which sets a speaker apart as a colon does (see speakers); the mark
 * goes in any case.
 */
export function setApartBoldName(paragraph: string): string {
  const at = paragraph.indexOf(BOLD_LEAD_END);
  if (at < 0) return paragraph;
  const lead = paragraph.slice(0, at);
  const rest = paragraph.slice(at + 1).replaceAll(BOLD_LEAD_END, '');
  const name = lead.trim();
  const apart = NAME.test(name) && /\S/.test(rest) && (/\s$/.test(lead) || /^\s/.test(rest));
  return apart ? `${lead.trimEnd()}\t${rest.trimStart()}` : lead + rest;
}
