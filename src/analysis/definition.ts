import type { ProjectData } from '../model/types';
import { DEFAULT_OVERLAP, type AgreementOptions } from './agreement-table';
import { AGREEMENT_LEVELS } from './agreement-units';
import type { ComparisonOptions } from './comparison';
import type { CooccurrenceOptions } from './cooccurrence';
import type { FrequencyOptions } from './frequency';
import type { WordLanguage } from './languages';
import type { CountOf, Grouping, MatrixDefinition, MatrixTableOptions } from './matrix';
import type { WordFrequencyOptions } from './word-frequency';

/**
 * Every analysis a project can save, with its definition. Any of them may count one or a
 * few coders' coding only (a team's "mine" and "theirs"); the agreement analysis chooses
 * its coders in its own options.
 */
export type AnalysisDefinition = AnalysisKind & { coderIds?: string[] };

type AnalysisKind =
  | { type: 'frequency'; options: FrequencyOptions }
  | { type: 'framework'; matrix: MatrixDefinition; show: MatrixTableOptions['show'] }
  | { type: 'coding-query'; matrix: MatrixDefinition; count: CountOf; percent: NonNullable<MatrixTableOptions['percent']> }
  | { type: 'comparison'; matrix: MatrixDefinition; rowLabels: boolean; fallback: ComparisonOptions['fallback']; note?: string }
  | { type: 'cooccurrence'; options: CooccurrenceOptions }
  | { type: 'words'; options: WordFrequencyOptions }
  /** A saved text search: it runs again as sources change. */
  | { type: 'search'; search: SavedSearch }
  /** Intercoder agreement between two or more coders. */
  | { type: 'agreement'; options: AgreementOptions };

/** What a saved search keeps: the query as typed, its mode, and whether it expands through the thesaurus. */
export interface SavedSearch {
  query: string;
  mode: 'words' | 'regex';
  thesaurus: boolean;
}

export type AnalysisType = AnalysisDefinition['type'];

/** The analyses the researcher creates from the analyses view (a search is saved from the search view). */
export const ANALYSIS_TYPES: readonly Exclude<AnalysisType, 'search'>[] = ['frequency', 'framework', 'coding-query', 'comparison', 'cooccurrence', 'words', 'agreement'];

/** A sensible first definition for each kind of analysis, from the project's codebook and attributes. */
export function defaultDefinition(
  type: Exclude<AnalysisType, 'search'>,
  data: Pick<ProjectData, 'codes' | 'attributes'> & Partial<Pick<ProjectData, 'coders' | 'segments'>>,
): AnalysisDefinition {
  const themes = data.codes.filter((c) => c.parentId === null).map((c) => c.id);
  const category = data.attributes.find((a) => a.type === 'category' || a.type === 'boolean');
  const grouping: Grouping = category ? { kind: 'attribute', attributeId: category.id } : { kind: 'cases' };
  switch (type) {
    case 'frequency':
      return { type, options: { rollUp: true } };
    case 'framework':
      return { type, matrix: { codeIds: themes, includeSubcodes: true, grouping: { kind: 'cases' }, codesOn: 'columns' }, show: 'counts' };
    case 'coding-query':
      return { type, matrix: { codeIds: themes, includeSubcodes: true, grouping, codesOn: 'rows' }, count: 'cases', percent: 'none' };
    case 'comparison':
      return { type, matrix: { codeIds: themes, includeSubcodes: true, grouping, codesOn: 'rows' }, rowLabels: false, fallback: 'empty' };
    case 'cooccurrence':
      return { type, options: { codeIds: data.codes.map((c) => c.id), includeSubcodes: false, unit: 'overlap', jaccard: false } };
    case 'words':
      return { type, options: { languages: ['es', 'pt', 'en'], top: 50 } };
    case 'agreement': {
      // The coders who have coded something: a coder who has not yet coded has nothing to compare.
      const coding = data.segments && new Set(data.segments.map((s) => s.coderId));
      const coderIds = (data.coders ?? []).filter((c) => !coding || coding.has(c.id)).map((c) => c.id);
      return { type, options: { coderIds, codeIds: [], sourceIds: [], level: 'paragraph', overlap: DEFAULT_OVERLAP, uncoded: false } };
    }
  }
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const maybeStrings = (v: unknown): string[] | undefined => (Array.isArray(v) ? strings(v) : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const LANGUAGES: readonly WordLanguage[] = ['es', 'pt', 'en'];

function grouping(v: unknown): Grouping {
  if (isObject(v) && v.kind === 'attribute' && typeof v.attributeId === 'string') return { kind: 'attribute', attributeId: v.attributeId };
  return { kind: isObject(v) && v.kind === 'sources' ? 'sources' : 'cases' };
}

function matrix(v: unknown, codesOn: MatrixDefinition['codesOn']): MatrixDefinition {
  const m = isObject(v) ? v : {};
  return { codeIds: strings(m.codeIds), includeSubcodes: bool(m.includeSubcodes, true), grouping: grouping(m.grouping), codesOn, sourceKinds: maybeStrings(m.sourceKinds) };
}

/**
 * A stored definition as the analyses read it: checked once when the row is read from the
 * store (see the store's row readers), a missing or damaged field given its default, so
 * that no analysis reads a shape its code does not know. Null when it is no analysis at all.
 */
export function parseAnalysisDefinition(raw: unknown): AnalysisDefinition | null {
  if (!isObject(raw)) return null;
  const kind = parseKind(raw);
  const coderIds = maybeStrings(raw.coderIds);
  return kind && coderIds?.length ? { ...kind, coderIds } : kind;
}

function parseKind(raw: Raw): AnalysisKind | null {
  const options = isObject(raw.options) ? raw.options : {};
  switch (raw.type) {
    case 'frequency':
      return {
        type: 'frequency',
        options: {
          rollUp: bool(options.rollUp, true),
          splitByAttributeId: text(options.splitByAttributeId),
          sourceKinds: maybeStrings(options.sourceKinds),
          title: text(options.title),
        },
      };
    case 'framework':
      return { type: 'framework', matrix: matrix(raw.matrix, 'columns'), show: oneOf(raw.show, ['counts', 'summaries', 'quotes', 'summaries and quotes'], 'counts') };
    case 'coding-query':
      return {
        type: 'coding-query',
        matrix: matrix(raw.matrix, 'rows'),
        count: oneOf(raw.count, ['segments', 'sources', 'cases'], 'cases'),
        percent: oneOf(raw.percent, ['none', 'row', 'column'], 'none'),
      };
    case 'comparison':
      return {
        type: 'comparison',
        matrix: matrix(raw.matrix, 'rows'),
        rowLabels: bool(raw.rowLabels, false),
        fallback: oneOf(raw.fallback, ['empty', 'first quote'], 'empty'),
        note: text(raw.note),
      };
    case 'cooccurrence':
      return {
        type: 'cooccurrence',
        options: {
          codeIds: strings(options.codeIds),
          includeSubcodes: bool(options.includeSubcodes, false),
          unit: oneOf(options.unit, ['overlap', 'paragraph', 'source'], 'overlap'),
          jaccard: bool(options.jaccard, false),
          sourceKinds: maybeStrings(options.sourceKinds),
        },
      };
    case 'words': {
      const group =
        isObject(options.group) && typeof options.group.attributeId === 'string' && typeof options.group.value === 'string'
          ? { attributeId: options.group.attributeId, value: options.group.value }
          : undefined;
      const languages = strings(options.languages).filter((l): l is WordLanguage => LANGUAGES.includes(l as WordLanguage));
      return {
        type: 'words',
        options: {
          codeIds: maybeStrings(options.codeIds),
          includeSubcodes: typeof options.includeSubcodes === 'boolean' ? options.includeSubcodes : undefined,
          sourceKinds: maybeStrings(options.sourceKinds),
          group,
          languages: languages.length ? languages : ['es', 'pt', 'en'],
          extraStopWords: maybeStrings(options.extraStopWords),
          stemming: options.stemming === null ? null : LANGUAGES.includes(options.stemming as WordLanguage) ? (options.stemming as WordLanguage) : undefined,
          top: typeof options.top === 'number' && options.top > 0 ? Math.floor(options.top) : undefined,
        },
      };
    }
    case 'search': {
      const search = isObject(raw.search) ? raw.search : {};
      if (typeof search.query !== 'string') return null;
      return { type: 'search', search: { query: search.query, mode: oneOf(search.mode, ['words', 'regex'], 'words'), thesaurus: bool(search.thesaurus, false) } };
    }
    case 'agreement': {
      const overlap = typeof options.overlap === 'number' && options.overlap > 0 && options.overlap <= 1 ? options.overlap : DEFAULT_OVERLAP;
      return {
        type: 'agreement',
        options: {
          coderIds: strings(options.coderIds),
          codeIds: strings(options.codeIds),
          sourceIds: strings(options.sourceIds),
          level: oneOf(options.level, AGREEMENT_LEVELS, 'paragraph'),
          overlap,
          uncoded: bool(options.uncoded, false),
        },
      };
    }
    default:
      return null;
  }
}

/** The definition with its matrix changed (framework, coding query, comparison); others as they are. */
export function withMatrix(def: AnalysisDefinition, patch: Partial<MatrixDefinition>): AnalysisDefinition {
  switch (def.type) {
    case 'framework':
    case 'coding-query':
    case 'comparison':
      return { ...def, matrix: { ...def.matrix, ...patch } };
    default:
      return def;
  }
}

/** The codes an analysis is about, whatever its kind. */
export function codeIdsOf(def: AnalysisDefinition): string[] {
  switch (def.type) {
    case 'framework':
    case 'coding-query':
    case 'comparison':
      return def.matrix.codeIds;
    case 'cooccurrence':
      return def.options.codeIds;
    case 'words':
      return def.options.codeIds ?? [];
    case 'agreement':
      return def.options.codeIds;
    case 'frequency':
    case 'search':
      return [];
  }
}

/** The definition about other codes (the frequency table always counts them all). */
export function withCodeIds(def: AnalysisDefinition, codeIds: string[]): AnalysisDefinition {
  switch (def.type) {
    case 'cooccurrence':
      return { ...def, options: { ...def.options, codeIds } };
    case 'words':
      return { ...def, options: { ...def.options, codeIds } };
    case 'agreement':
      return { ...def, options: { ...def.options, codeIds } };
    case 'frequency':
    case 'search':
      return def;
    default:
      return withMatrix(def, { codeIds });
  }
}
