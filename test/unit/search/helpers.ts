import type { WordLanguage } from '../../../src/analysis/languages';
import { corpusOf } from '../../../src/search/corpus';
import { buildPartition, loadPartition, partitionSourceOf, storePartition, PARTITION_SIZE } from '../../../src/search/partition';
import { runSearch, unitGroupsOf, type SearchRequest, type UnitGroup } from '../../../src/search/search';
import type { ProjectData } from '../../../src/model/types';

type Data = Pick<ProjectData, 'sources' | 'contents' | 'cases' | 'attributes'>;

/** The same search both ways: reading every unit, and through stored-and-loaded partitioned indexes. */
export function searchBothWays(data: Data, request: SearchRequest, size = PARTITION_SIZE) {
  const corpus = corpusOf(data);
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const linear = runSearch(unitGroupsOf(corpus, contents), corpus, request);
  const byLanguage = new Map<WordLanguage | null, string[]>();
  for (const s of corpus.sources.values()) (byLanguage.get(s.language) ?? byLanguage.set(s.language, []).get(s.language)!).push(s.id);
  const groups: UnitGroup[] = [];
  for (const [language, ids] of byLanguage)
    for (let i = 0; i < ids.length; i += size) {
      const part = ids.slice(i, i + size).map((id) => partitionSourceOf(corpus.sources.get(id)!, contents.get(id)!, corpus.cases));
      // Stored and read back as IndexedDB does (a structured clone).
      const partition = loadPartition(structuredClone(storePartition(buildPartition(language, part))))!;
      groups.push({ language, units: partition.units, partition });
    }
  const indexed = runSearch(groups, corpus, request);
  return { linear, indexed };
}

/** The words a search found, as the researcher would read them in the text. */
export function foundTexts(data: Data, request: SearchRequest): string[] {
  const { linear, indexed } = searchBothWays(data, request);
  if (!linear.ok) throw new Error(JSON.stringify(linear.error));
  if (!indexed.ok) throw new Error(JSON.stringify(indexed.error));
  const text = (h: { sourceId: string; start: number; end: number }) => data.contents.find((c) => c.sourceId === h.sourceId)!.text.slice(h.start, h.end);
  const a = linear.hits.map(text);
  const b = indexed.hits.map(text);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the index found ${JSON.stringify(b)}, reading the text found ${JSON.stringify(a)}`);
  return a;
}
