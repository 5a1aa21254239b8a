import { num, text, type Table } from '../model/table';
import type { Attribute, Case, Code, Coder, AttributeValue } from '../model/types';
import type { ExportDocument } from '../export/document';
import { codePath } from './codes';
import { inEnglish, type Translator } from '../i18n';
import { groupByCode, type RetrievedQuote } from './retrieval';

/** Retrieved quotes for Word: grouped by code, each quote with its citation. */
export function retrievalDocument(quotes: RetrievedQuote[], codes: Code[], title: string, subtitle?: string): ExportDocument {
  const groups = groupByCode(quotes, codes);
  return {
    title,
    subtitle,
    blocks: groups.flatMap((g) => [
      { kind: 'heading' as const, level: 2 as const, text: `${g.path} (${g.quotes.length})` },
      ...g.quotes.map((q) => ({ kind: 'quote' as const, text: `“${q.text}”`, citation: q.citation })),
    ]),
  };
}

/** One row per retrieved segment, for CSV: code, source, case, attributes, offsets, text, citation, coder. */
export function retrievalTable(
  quotes: RetrievedQuote[],
  context: { codes: Code[]; cases: Case[]; attributes: Attribute[]; coders: Coder[] },
  title: string,
  t: Translator = inEnglish,
): Table {
  const coderName = new Map(context.coders.map((c) => [c.id, c.name]));
  const caseByName = new Map(context.cases.map((c) => [c.name, c]));
  const attrs = [...context.attributes].sort((a, b) => a.order - b.order);
  const show = (v: AttributeValue | undefined) => (v === undefined || v === null ? '' : typeof v === 'boolean' ? t(v ? 'table.yes' : 'table.no') : String(v));
  return {
    title,
    columns: [
      { key: 'code', label: t('table.code') },
      { key: 'source', label: t('table.source') },
      { key: 'case', label: t('table.case') },
      ...attrs.map((a) => ({ key: `attr:${a.id}`, label: a.name })),
      { key: 'start', label: t('table.start'), numeric: true },
      { key: 'end', label: t('table.end'), numeric: true },
      { key: 'text', label: t('table.text') },
      { key: 'citation', label: t('table.citation') },
      { key: 'coder', label: t('table.coder') },
    ],
    rows: quotes.map((q, i) => ({
      key: `${q.sourceId}:${q.start}:${q.end}:${i}`,
      cells: [
        text(q.codeIds.map((id) => codePath(context.codes, id)).join('; ')),
        text(q.sourceName),
        text(q.caseNames.join(', ')),
        ...attrs.map((a) =>
          text(
            q.caseNames
              .map((n) => show(caseByName.get(n)?.values[a.id]))
              .filter(Boolean)
              .join(', '),
          ),
        ),
        num(q.start),
        num(q.end),
        text(q.text),
        text(q.citation),
        text(q.coderIds.map((id) => coderName.get(id) ?? id).join(', ')),
      ],
    })),
  };
}

/** Plain text of a quote with its citation, for the clipboard. */
export function quoteWithCitation(q: Pick<RetrievedQuote, 'text' | 'citation'>): string {
  return `“${q.text}” ${q.citation}`.trim();
}
