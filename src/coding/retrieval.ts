import type { AttributeValue, Code, ProjectData, Segment, Source, SourceContent } from '../model/types';
import { formatCitation, paragraphAt, reportNumberOf, speakerAt } from './citation';
import { codePath, flattenTree, subtreeIds } from './codes';
import { compareNatural } from '../util/natural-order';

/**
 * Which coded text to bring back. "or": every segment of any chosen code; "and": the text
 * coded with all of them at once (where their segments overlap); "not": the segments of
 * the first code that no segment of the others touches.
 */
export interface RetrievalQuery {
  codeIds: string[];
  mode: 'or' | 'and' | 'not';
  includeSubcodes: boolean;
  /** Only sources of these kinds (empty: all). */
  sourceKinds?: string[];
  /** Only sources whose case has one of these values for each attribute. */
  attributeFilters?: { attributeId: string; values: AttributeValue[] }[];
  /** Only these coders' segments (empty: every coder's). */
  coderIds?: string[];
}

export interface RetrievedQuote {
  /** The code this quote is listed under (for "and"/"not", the first code of the query). */
  codeId: string;
  /** Every chosen code found on this text. */
  codeIds: string[];
  segmentIds: string[];
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  caseNames: string[];
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  paragraph: number;
  speaker?: string;
  citation: string;
  coderIds: string[];
}

const CONTEXT = 90;

/** Runs a retrieval over a project snapshot; quotes come in source order, then text order. */
export function retrieve(data: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'codes' | 'segments'>, query: RetrievalQuery): RetrievedQuote[] {
  if (query.codeIds.length === 0) return [];
  const groups = query.codeIds.map((id) => (query.includeSubcodes ? subtreeIds(data.codes, id) : new Set([id])));
  const sources = new Map(data.sources.filter((s) => sourceMatches(s, data, query)).map((s) => [s.id, s]));
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const caseName = new Map(data.cases.map((c) => [c.id, c.name]));

  const bySource = new Map<string, Segment[][]>();
  const coders = query.coderIds?.length ? new Set(query.coderIds) : null;
  for (const s of data.segments) {
    if (!sources.has(s.sourceId) || (coders && !coders.has(s.coderId))) continue;
    groups.forEach((g, i) => {
      if (!g.has(s.codeId)) return;
      const lists =
        bySource.get(s.sourceId) ??
        bySource
          .set(
            s.sourceId,
            groups.map(() => []),
          )
          .get(s.sourceId)!;
      lists[i].push(s);
    });
  }

  const out: RetrievedQuote[] = [];
  const sourceOrder = [...sources.values()].sort((a, b) => compareNatural(a.name, b.name));
  for (const source of sourceOrder) {
    const lists = bySource.get(source.id);
    const content = contents.get(source.id);
    if (!lists || !content) continue;
    const quote = (codeId: string, codeIds: string[], segs: Segment[], start: number, end: number): RetrievedQuote =>
      quoteOf(data.project.citationPattern, source, content, caseName, codeId, codeIds, segs, start, end);
    if (query.mode === 'or') {
      const seen = new Set<string>();
      lists.forEach((segs, i) => {
        for (const s of segs) {
          if (seen.has(s.id)) continue;
          seen.add(s.id);
          out.push(quote(query.codeIds[i], [s.codeId], [s], s.start, s.end));
        }
      });
    } else if (query.mode === 'and') {
      for (const span of intersect(lists)) out.push(quote(query.codeIds[0], [...new Set(span.segments.map((s) => s.codeId))], span.segments, span.start, span.end));
    } else {
      const others = lists.slice(1).flat();
      for (const s of lists[0]) if (!others.some((o) => o.start < s.end && s.start < o.end)) out.push(quote(query.codeIds[0], [s.codeId], [s], s.start, s.end));
    }
  }
  return out.sort((a, b) => (a.sourceId === b.sourceId ? a.start - b.start || a.end - b.end : 0));
}

/** One quote: the text, a little context, its paragraph, speaker and citation. */
export function quoteOf(
  citationPattern: string,
  source: Source,
  content: SourceContent,
  caseName: Map<string, string>,
  codeId: string,
  codeIds: string[],
  segs: Segment[],
  start: number,
  end: number,
): RetrievedQuote {
  const caseNames = source.caseIds.map((id) => caseName.get(id)).filter((n): n is string => !!n);
  const paragraph = paragraphAt(content, start);
  const speaker = speakerAt(content, start);
  return {
    codeId,
    codeIds,
    segmentIds: segs.map((s) => s.id),
    sourceId: source.id,
    sourceName: source.name,
    sourceKind: source.kind,
    caseNames,
    start,
    end,
    text: content.text.slice(start, end),
    ...contextOf(content, start, end),
    paragraph,
    speaker,
    citation: formatCitation(citationPattern, {
      case: caseNames.join(', '),
      paragraph,
      speaker,
      source: source.name,
      reportNumber: reportNumberOf(source.name),
      date: source.date,
      kind: source.kind,
    }),
    coderIds: [...new Set(segs.map((s) => s.coderId))],
  };
}

/** The stretches where one segment of every list overlaps, merged where they touch. */
function intersect(lists: Segment[][]): { start: number; end: number; segments: Segment[] }[] {
  let spans = lists[0].map((s) => ({ start: s.start, end: s.end, segments: [s] }));
  for (const list of lists.slice(1)) {
    const next: typeof spans = [];
    for (const span of spans) {
      for (const s of list) {
        const start = Math.max(span.start, s.start);
        const end = Math.min(span.end, s.end);
        if (start < end) next.push({ start, end, segments: [...span.segments, s] });
      }
    }
    spans = next;
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.segments = [...new Set([...last.segments, ...span.segments])];
    } else merged.push({ ...span });
  }
  return merged;
}

function contextOf(content: SourceContent, start: number, end: number): { before: string; after: string } {
  const p = content.paragraphs.find((x) => x.start <= start && start <= x.end) ?? { start: 0, end: content.text.length };
  const q = content.paragraphs.find((x) => x.start <= end && end <= x.end) ?? p;
  const from = Math.max(p.start, start - CONTEXT);
  const to = Math.min(q.end, end + CONTEXT);
  const before = content.text.slice(from, start);
  const after = content.text.slice(end, to);
  return {
    before: (from > p.start ? '…' + before.replace(/^\S*\s/, '') : before).replace(/\n/g, ' '),
    after: (to < q.end ? after.replace(/\s\S*$/, '') + '…' : after).replace(/\n/g, ' '),
  };
}

function sourceMatches(source: Source, data: Pick<ProjectData, 'cases'>, query: RetrievalQuery): boolean {
  if (query.sourceKinds?.length && !query.sourceKinds.includes(source.kind)) return false;
  const filters = query.attributeFilters?.filter((f) => f.values.length > 0) ?? [];
  if (filters.length === 0) return true;
  const cases = data.cases.filter((c) => source.caseIds.includes(c.id));
  return filters.every((f) => cases.some((c) => f.values.includes(c.values[f.attributeId] ?? null)));
}

/** Quotes grouped under the code they were retrieved for, codes in codebook order. */
export function groupByCode(quotes: RetrievedQuote[], codes: Code[]): { code: Code; path: string; quotes: RetrievedQuote[] }[] {
  const byCode = new Map<string, RetrievedQuote[]>();
  for (const q of quotes) (byCode.get(q.codeId) ?? byCode.set(q.codeId, []).get(q.codeId)!).push(q);
  return flattenTree(codes)
    .filter((n) => byCode.has(n.code.id))
    .map(({ code }) => ({ code, path: codePath(codes, code.id), quotes: byCode.get(code.id)! }));
}
