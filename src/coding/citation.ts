import type { SourceContent } from '../model/types';

/** What a citation pattern can name: "({case}, {paragraph})" → "(ARIII, 3)". */
export interface CitationFields {
  case?: string;
  paragraph?: number | string;
  speaker?: string;
  source?: string;
  reportNumber?: string;
  date?: string;
  kind?: string;
}

export const CITATION_FIELDS: (keyof CitationFields)[] = ['case', 'paragraph', 'speaker', 'source', 'reportNumber', 'date', 'kind'];

/**
 * Fills a citation pattern. A part of the pattern (between commas or semicolons) whose
 * fields are all empty is left out with its separator and its words: with no report
 * number, "({case}, Rep {reportNumber})" gives "(RD)", not "(RD, Rep )".
 */
export function formatCitation(pattern: string, fields: CitationFields): string {
  const value = (name: string) => {
    const v = fields[name as keyof CitationFields];
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const [, prefix, middle, suffix] = /^(\s*[([]?)(.*?)([)\]]?\s*)$/s.exec(pattern)!;
  const pieces = middle.split(/(\s*[,;]\s*)/);
  const kept: { text: string; separator: string }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i];
    const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (names.length > 0 && names.every((n) => value(n) === '')) continue;
    kept.push({ text: part.replace(/\{(\w+)\}/g, (_, n: string) => value(n)).trim(), separator: pieces[i - 1] ?? '' });
  }
  if (kept.length === 0) return '';
  return (prefix + kept.map((k, i) => (i === 0 ? k.text : k.separator + k.text)).join('') + suffix).trim();
}

/** "Informe_RLA_Rep2" → "2", "RD Rep 1" → "1": the report number researchers cite. */
export function reportNumberOf(sourceName: string): string | undefined {
  return /(?:^|[\s_\-.])(?:rep|report|informe|reporte|relat[oó]rio)[\s_\-.]*(?:n[.º°o]*\s*)?(\d+)(?=$|[\s_\-.])/i.exec(sourceName)?.[1];
}

/** The 1-based number of the paragraph holding an offset. */
export function paragraphAt(content: Pick<SourceContent, 'paragraphs'>, offset: number): number {
  const ps = content.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return ps.length ? lo + 1 : 1;
}

/** The speaker whose turn holds an offset. */
export function speakerAt(content: Pick<SourceContent, 'turns'>, offset: number): string | undefined {
  return content.turns.find((t) => t.start <= offset && offset < t.end)?.speaker || undefined;
}
