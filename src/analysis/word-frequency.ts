import { retrieve } from '../coding/retrieval';
import { inEnglish, type Translator } from '../i18n';
import { num, text, type Table } from '../model/table';
import type { ProjectData, SourceContent } from '../model/types';
import { isStopWord, stem, type WordLanguage } from './languages';

export interface WordFrequencyOptions {
  /** Only the text coded with these codes (empty: whole sources). */
  codeIds?: string[];
  includeSubcodes?: boolean;
  sourceKinds?: string[];
  /** Only the sources of cases with this attribute value (a group: directors, "with training"). */
  group?: { attributeId: string; value: string };
  /** Stop-word lists to apply (Spanish, Portuguese, English). */
  languages: WordLanguage[];
  /** The researcher's own stop words. */
  extraStopWords?: string[];
  /** Count words by their stem ("visita", "visitas" together), shown by their most frequent form. */
  stemming?: WordLanguage | null;
  minLength?: number;
  top?: number;
}

/** The coded stretches of each source, overlapping segments joined so that no word counts twice. */
function codedText(contents: SourceContent[], spans: { sourceId: string; start: number; end: number }[]): string[] {
  const textOf = new Map(contents.map((c) => [c.sourceId, c.text]));
  const bySource = new Map<string, typeof spans>();
  for (const s of spans) (bySource.get(s.sourceId) ?? bySource.set(s.sourceId, []).get(s.sourceId)!).push(s);
  const out: string[] = [];
  for (const [sourceId, list] of bySource) {
    const text = textOf.get(sourceId);
    if (text === undefined) continue;
    const sorted = [...list].sort((a, b) => a.start - b.start);
    let [start, end] = [sorted[0].start, sorted[0].end];
    for (const s of sorted.slice(1)) {
      if (s.start <= end) end = Math.max(end, s.end);
      else {
        out.push(text.slice(start, end));
        [start, end] = [s.start, s.end];
      }
    }
    out.push(text.slice(start, end));
  }
  return out;
}

/** Words counted in sources or coded text: counts and share of all counted words. */
export function wordFrequencyTable(
  data: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'codes' | 'segments'>,
  options: WordFrequencyOptions,
  t: Translator = inEnglish,
): Table {
  const texts: string[] = [];
  const group = options.group;
  const attributeFilters = group
    ? [{ attributeId: group.attributeId, values: data.cases.map((c) => c.values[group.attributeId]).filter((v) => v !== null && v !== undefined && String(v) === group.value) }]
    : [];
  if (options.codeIds?.length) {
    const quotes = retrieve(data, { codeIds: options.codeIds, mode: 'or', includeSubcodes: options.includeSubcodes ?? true, sourceKinds: options.sourceKinds, attributeFilters });
    texts.push(...codedText(data.contents, quotes));
  } else {
    const kinds = options.sourceKinds ?? [];
    const inGroup = (caseIds: string[]) => !group || data.cases.some((c) => caseIds.includes(c.id) && String(c.values[group.attributeId]) === group.value);
    const inScope = new Set(data.sources.filter((s) => (kinds.length === 0 || kinds.includes(s.kind)) && inGroup(s.caseIds)).map((s) => s.id));
    for (const c of data.contents) if (inScope.has(c.sourceId)) texts.push(c.text);
  }
  const extra = new Set((options.extraStopWords ?? []).map((w) => w.trim().toLowerCase()).filter(Boolean));
  const minLength = options.minLength ?? 3;
  const counts = new Map<string, { n: number; forms: Map<string, number> }>();
  let total = 0;
  for (const t of texts) {
    for (const m of t.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}]+)*/gu)) {
      const word = m[0];
      if ([...word].length < minLength || /^\p{N}+$/u.test(word) || extra.has(word) || isStopWord(word, options.languages)) continue;
      total++;
      const key = options.stemming ? stem(word, options.stemming) : word;
      const entry = counts.get(key) ?? counts.set(key, { n: 0, forms: new Map() }).get(key)!;
      entry.n++;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
    }
  }
  const ranked = [...counts.values()]
    .map((e) => ({ word: [...e.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0], forms: e.forms.size, n: e.n }))
    .sort((a, b) => b.n - a.n || a.word.localeCompare(b.word))
    .slice(0, options.top ?? 50);
  return {
    title: group ? t('table.wordsTitleOf', { group: String(group.value) }) : t('table.wordsTitle'),
    columns: [
      { key: 'word', label: t('table.word') },
      { key: 'count', label: t('table.count'), numeric: true },
      { key: 'pct', label: '%', numeric: true },
      ...(options.stemming ? [{ key: 'forms', label: t('table.forms'), numeric: true }] : []),
    ],
    rows: ranked.map((r) => ({
      key: r.word,
      cells: [
        text(r.word),
        num(r.n),
        { kind: 'number' as const, value: total ? Math.round((1000 * r.n) / total) / 10 : 0, decimals: 1, percent: true },
        ...(options.stemming ? [num(r.forms)] : []),
      ],
    })),
    note: [t(extra.size ? 'table.wordsNoteOwn' : 'table.wordsNote', { count: total, languages: options.languages.join(', ') }), options.stemming ? t('table.wordsStemmed') : '']
      .filter(Boolean)
      .join(' '),
  };
}
