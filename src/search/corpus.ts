import { wordLanguageOf, type WordLanguage } from '../analysis/languages';
import type { Message } from '../model/errors';
import type { Attribute, AttributeValue, Case, ProjectData, Source, SourceContent } from '../model/types';
import { foldWord } from './fold';
import type { QueryFilter } from './query';

/** What a search reads one match in: a paragraph, or a speaker's turn where the source has turns. */
export interface SearchUnit {
  sourceId: string;
  start: number;
  end: number;
  /** The speaker of a turn; '' for a paragraph. */
  speaker: string;
}

/** A source as search sees it: its text and what filters ask about it. */
export interface SearchSource {
  id: string;
  name: string;
  kind: string;
  language: WordLanguage | null;
  caseIds: string[];
  text: string;
}

/** The project as search reads it. */
export interface SearchCorpus {
  sources: Map<string, SearchSource>;
  cases: Map<string, Case>;
  attributes: Attribute[];
}

/**
 * A source's units: its speakers' turns, and the paragraphs outside any turn (a title, a
 * note before the first question); a source with neither is one unit. Units never overlap,
 * so every word of the source is searched once.
 */
export function unitsOf(content: Pick<SourceContent, 'sourceId' | 'text' | 'paragraphs' | 'turns'>): SearchUnit[] {
  const { sourceId, text } = content;
  const turns = [...content.turns].filter((t) => t.end > t.start).sort((a, b) => a.start - b.start);
  const paragraphs = content.paragraphs.length ? content.paragraphs : text.length ? [{ start: 0, end: text.length }] : [];
  if (!turns.length) return paragraphs.map((p) => ({ sourceId, start: p.start, end: p.end, speaker: '' }));
  const units: SearchUnit[] = [];
  let covered = 0;
  let t = 0;
  const addGap = (from: number, to: number) => {
    for (const p of paragraphs) {
      const start = Math.max(p.start, from);
      const end = Math.min(p.end, to);
      if (end > start && text.slice(start, end).trim()) units.push({ sourceId, start, end, speaker: '' });
    }
  };
  for (; t < turns.length; t++) {
    const turn = turns[t];
    const start = Math.max(turn.start, covered);
    if (start > covered) addGap(covered, start);
    if (turn.end > start) units.push({ sourceId, start, end: turn.end, speaker: turn.speaker });
    covered = Math.max(covered, turn.end);
  }
  if (covered < text.length) addGap(covered, text.length);
  return units;
}

export function searchSourceOf(source: Source, content: Pick<SourceContent, 'text'> | undefined): SearchSource {
  return { id: source.id, name: source.name, kind: source.kind, language: wordLanguageOf(source.language), caseIds: source.caseIds, text: content?.text ?? '' };
}

export function corpusOf(data: Pick<ProjectData, 'sources' | 'contents' | 'cases' | 'attributes'>): SearchCorpus {
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  return {
    sources: new Map(data.sources.map((s) => [s.id, searchSourceOf(s, contents.get(s.id))])),
    cases: new Map(data.cases.map((c) => [c.id, c])),
    attributes: data.attributes,
  };
}

/** A filter's value against a name: folded, whole, `*` for any letters ("Entrev*"). */
function valueTest(value: string): (candidate: string) => boolean {
  const folded = value
    .split('*')
    .map((p) =>
      foldWord(p)
        .replace(/\s+/g, ' ')
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('.*');
  const regex = new RegExp(`^${folded}$`, 'su');
  return (candidate) => regex.test(foldWord(candidate).replace(/\s+/g, ' ').trim());
}

const YES = new Set(['true', 'yes', 'si', 'sim', '1']);
const NO = new Set(['false', 'no', 'nao', '0']);

function attributeValueTest(attribute: Attribute, value: string): (v: AttributeValue | undefined) => boolean {
  if (attribute.type === 'boolean') {
    const want = YES.has(foldWord(value)) ? true : NO.has(foldWord(value)) ? false : null;
    return (v) => v === want;
  }
  if (attribute.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value.replace(',', '.')))) {
    const n = Number(value.replace(',', '.'));
    return (v) => typeof v === 'number' && v === n;
  }
  const test = valueTest(value);
  return (v) => v !== null && v !== undefined && test(String(v));
}

/** Whether a unit passes the query's filters; filters that name an attribute the project lacks come back as a message. */
export type UnitFilter = (unit: SearchUnit, source: SearchSource) => boolean;

export function compileFilters(filters: QueryFilter[], corpus: Pick<SearchCorpus, 'cases' | 'attributes'>): { ok: true; pass: UnitFilter } | { ok: false; error: Message } {
  const tests: UnitFilter[] = [];
  for (const f of filters) {
    let test: UnitFilter;
    if (f.kind === 'field') {
      const matches = valueTest(f.value);
      if (f.field === 'speaker') test = (u) => matches(u.speaker);
      else if (f.field === 'kind') test = (_u, s) => matches(s.kind);
      else if (f.field === 'source') test = (_u, s) => matches(s.name);
      else test = (_u, s) => s.caseIds.some((id) => matches(corpus.cases.get(id)?.name ?? ''));
    } else {
      const attribute = corpus.attributes.find((a) => foldWord(a.name).trim() === foldWord(f.attribute).trim());
      if (!attribute) return { ok: false, error: { key: 'search.error.unknown-attribute' as Message['key'], params: { attribute: f.attribute } } };
      const matches = attributeValueTest(attribute, f.value);
      test = (_u, s) => s.caseIds.some((id) => matches(corpus.cases.get(id)?.values[attribute.id]));
    }
    tests.push(f.exclude ? (u, s) => !test(u, s) : test);
  }
  return { ok: true, pass: (u, s) => tests.every((t) => t(u, s)) };
}
