import { inEnglish, type Translator } from '../i18n';
import { num, text, type Cell, type Table } from '../model/table';
import type { SearchCorpus } from './corpus';
import type { SearchHit } from './search';

/** How much text stands on each side of a hit in a keyword-in-context line. */
export const CONTEXT_CHARS = 70;

export interface KwicLine {
  hit: SearchHit;
  left: string;
  match: string;
  right: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The context of a hit within its paragraph or turn, cut at a word boundary, on one line. */
export function kwicLine(hit: SearchHit, textOf: (sourceId: string) => string, chars = CONTEXT_CHARS): KwicLine {
  const t = textOf(hit.sourceId);
  let from = Math.max(hit.unitStart, hit.start - chars);
  let to = Math.min(hit.unitEnd, hit.end + chars);
  if (from > hit.unitStart) from = t.indexOf(' ', from) + 1 || from;
  if (to < hit.unitEnd) to = Math.max(hit.end, t.lastIndexOf(' ', to));
  const left = oneLine(t.slice(Math.min(from, hit.start), hit.start));
  const right = oneLine(t.slice(hit.end, to));
  return { hit, left: (from > hit.unitStart ? '… ' : '') + left.trimStart(), match: oneLine(t.slice(hit.start, hit.end)), right: right.trimEnd() + (to < hit.unitEnd ? ' …' : '') };
}

export type HitOrder = 'source' | 'case' | 'speaker' | `attribute:${string}`;

const caseNamesOf = (corpus: SearchCorpus, sourceId: string) =>
  (corpus.sources.get(sourceId)?.caseIds ?? [])
    .map((id) => corpus.cases.get(id)?.name ?? '')
    .filter(Boolean)
    .join(', ');

/** Hits sorted for reading: by source (the text's order), or by case, speaker or a case attribute, then in text order. */
export function sortHits(hits: SearchHit[], corpus: SearchCorpus, order: HitOrder): SearchHit[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sourceName = (h: SearchHit) => corpus.sources.get(h.sourceId)?.name ?? '';
  const key = (h: SearchHit): string => {
    if (order === 'case') return caseNamesOf(corpus, h.sourceId);
    if (order === 'speaker') return h.speaker;
    if (order.startsWith('attribute:')) {
      const id = order.slice('attribute:'.length);
      const source = corpus.sources.get(h.sourceId);
      const values = (source?.caseIds ?? []).map((c) => corpus.cases.get(c)?.values[id]).filter((v) => v !== undefined && v !== null);
      return values.map(String).join(', ');
    }
    return '';
  };
  return [...hits].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Hits without a case, speaker or value come last, not first.
    if (ka !== kb) return !ka ? 1 : !kb ? -1 : collator.compare(ka, kb);
    return collator.compare(sourceName(a), sourceName(b)) || a.start - b.start;
  });
}

/** The keyword-in-context table: one line per hit with its source, case and speaker. */
export function kwicTable(lines: KwicLine[], corpus: SearchCorpus, query: string, t: Translator = inEnglish): Table {
  return {
    title: t('search.kwicTitle', { query }),
    columns: [
      { key: 'source', label: t('table.source') },
      { key: 'case', label: t('table.case') },
      { key: 'speaker', label: t('search.speaker') },
      { key: 'left', label: t('search.left') },
      { key: 'hit', label: t('search.hit') },
      { key: 'right', label: t('search.right') },
    ],
    rows: lines.map((l, i) => ({
      key: `${l.hit.sourceId}:${l.hit.start}:${i}`,
      cells: [text(corpus.sources.get(l.hit.sourceId)?.name), text(caseNamesOf(corpus, l.hit.sourceId)), text(l.hit.speaker), text(l.left), text(l.match), text(l.right)],
    })),
    note: t('search.kwicNote', { count: lines.length, sources: new Set(lines.map((l) => l.hit.sourceId)).size }),
  };
}

const pct = (n: number, of: number): Cell => ({ kind: 'number', value: of ? (100 * n) / of : 0, decimals: 1, percent: true });

/** Hits per source: how many hits and in how many paragraphs or turns, sources without hits left out. */
export function hitsBySourceTable(hits: SearchHit[], corpus: SearchCorpus, query: string, t: Translator = inEnglish): Table {
  const bySource = new Map<string, { hits: number; units: Set<number> }>();
  for (const h of hits) {
    const e = bySource.get(h.sourceId) ?? bySource.set(h.sourceId, { hits: 0, units: new Set() }).get(h.sourceId)!;
    e.hits++;
    e.units.add(h.unitStart);
  }
  const collator = new Intl.Collator(undefined, { numeric: true });
  const rows = [...bySource]
    .map(([id, e]) => ({ source: corpus.sources.get(id), e }))
    .sort((a, b) => collator.compare(a.source?.name ?? '', b.source?.name ?? ''))
    .map(({ source, e }) => ({ key: source?.id ?? '', cells: [text(source?.name), text(source ? caseNamesOf(corpus, source.id) : ''), num(e.hits), num(e.units.size)] }));
  return {
    title: t('search.bySourceTitle', { query }),
    columns: [
      { key: 'source', label: t('table.source') },
      { key: 'case', label: t('table.case') },
      { key: 'hits', label: t('search.hits'), numeric: true },
      { key: 'units', label: t('search.passages'), numeric: true },
    ],
    rows,
    note: t('search.bySourceNote', { sources: bySource.size, total: corpus.sources.size }),
  };
}

/**
 * How many cases mention it: per case its hits and sources; and, split by a case attribute,
 * the cases with hits in each group, of the group's cases, in %.
 */
export function hitsByCaseTable(hits: SearchHit[], corpus: SearchCorpus, query: string, t: Translator = inEnglish, attributeId?: string): Table {
  const byCase = new Map<string, { hits: number; sources: Set<string> }>();
  for (const h of hits)
    for (const c of corpus.sources.get(h.sourceId)?.caseIds ?? []) {
      const e = byCase.get(c) ?? byCase.set(c, { hits: 0, sources: new Set() }).get(c)!;
      e.hits++;
      e.sources.add(h.sourceId);
    }
  const casesWithSources = new Set([...corpus.sources.values()].flatMap((s) => s.caseIds));
  const total = [...corpus.cases.keys()].filter((c) => casesWithSources.has(c)).length;
  const attribute = corpus.attributes.find((a) => a.id === attributeId);
  if (attribute) {
    const groups = new Map<string, { cases: number; mentioning: number }>();
    const label = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'table.yes' : 'table.no') : v === null || v === undefined || v === '' ? t('search.noValue') : String(v));
    const ordered = attribute.type === 'category' ? attribute.values.map(label) : [];
    for (const o of ordered) groups.set(o, { cases: 0, mentioning: 0 });
    for (const [id, kase] of corpus.cases) {
      if (!casesWithSources.has(id)) continue;
      const g = label(kase.values[attribute.id]);
      const e = groups.get(g) ?? groups.set(g, { cases: 0, mentioning: 0 }).get(g)!;
      e.cases++;
      if (byCase.has(id)) e.mentioning++;
    }
    return {
      title: t('search.byGroupTitle', { query, attribute: attribute.name }),
      columns: [
        { key: 'group', label: attribute.name },
        { key: 'mentioning', label: t('search.casesMentioning'), numeric: true },
        { key: 'cases', label: t('table.cases'), numeric: true },
        { key: 'pct', label: '%', numeric: true },
      ],
      rows: [...groups].filter(([, e]) => e.cases > 0).map(([g, e]) => ({ key: g, cells: [text(g), num(e.mentioning), num(e.cases), pct(e.mentioning, e.cases)] })),
      note: t('search.byCaseNote', { mentioning: byCase.size, total, pct: total ? Math.round((1000 * byCase.size) / total) / 10 : 0 }),
    };
  }
  const collator = new Intl.Collator(undefined, { numeric: true });
  return {
    title: t('search.byCaseTitle', { query }),
    columns: [
      { key: 'case', label: t('table.case') },
      { key: 'hits', label: t('search.hits'), numeric: true },
      { key: 'sources', label: t('table.sources'), numeric: true },
    ],
    rows: [...byCase]
      .map(([id, e]) => ({ name: corpus.cases.get(id)?.name ?? '', id, e }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ id, name, e }) => ({ key: id, cells: [text(name), num(e.hits), num(e.sources.size)] })),
    note: t('search.byCaseNote', { mentioning: byCase.size, total, pct: total ? Math.round((1000 * byCase.size) / total) / 10 : 0 }),
  };
}

/** How far a search's hits reach: passages, sources and cases (of the cases that have sources). */
export function hitSpread(hits: SearchHit[], corpus: Pick<SearchCorpus, 'sources'>): { hits: number; passages: number; sources: number; cases: number; totalCases: number } {
  const passages = new Set(hits.map((h) => `${h.sourceId}:${h.unitStart}`));
  const sources = new Set(hits.map((h) => h.sourceId));
  const cases = new Set([...sources].flatMap((id) => corpus.sources.get(id)?.caseIds ?? []));
  const totalCases = new Set([...corpus.sources.values()].flatMap((s) => s.caseIds)).size;
  return { hits: hits.length, passages: passages.size, sources: sources.size, cases: cases.size, totalCases };
}

/** Hits in memos, a group of their own: the memo's title and the hit in context. */
export function memoHitsTable(lines: KwicLine[], titleOf: (memoId: string) => string, query: string, t: Translator = inEnglish): Table {
  return {
    title: t('search.memoTitle', { query }),
    columns: [
      { key: 'memo', label: t('search.memo') },
      { key: 'left', label: t('search.left') },
      { key: 'hit', label: t('search.hit') },
      { key: 'right', label: t('search.right') },
    ],
    rows: lines.map((l, i) => ({ key: `${l.hit.sourceId}:${l.hit.start}:${i}`, cells: [text(titleOf(l.hit.sourceId)), text(l.left), text(l.match), text(l.right)] })),
  };
}
