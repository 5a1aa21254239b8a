import type { WordLanguage } from '../analysis/languages';
import type { Memo, SourceContent } from '../model/types';
import { corpusOf, type SearchCorpus } from '../search/corpus';
import { planIndex, sourceFingerprint, type PartitionEntry } from '../search/index-plan';
import { buildPartition, loadPartition, partitionSourceOf, storePartition, type Partition, type SearchIndexRow } from '../search/partition';
import type { UnitGroup } from '../search/search';
import { newId } from '../util/id';
import type { QdaDatabase } from './database';

/** A partition held in memory, with what it was built from. */
export interface HeldPartition extends PartitionEntry {
  partition: Partition;
}

/** A project ready to search: its sources' text and names, its indexes, its memos. */
export interface SearchableProject {
  projectId: string;
  corpus: SearchCorpus;
  contents: Map<string, SourceContent>;
  groups: UnitGroup[];
  memos: Memo[];
  held: Map<string, HeldPartition>;
}

/**
 * Brings a project's search indexes up to date and loads them: partitions whose sources
 * are unchanged are read from the store (or kept from `previous`, the ones in memory);
 * only those holding a new, changed or deleted source are rebuilt, one at a time (a
 * partition as built takes several times the memory it takes once stored and read back,
 * so each is stored and read back at once). `onProgress` hears of each rebuilt partition.
 */
export async function openSearchIndex(
  db: QdaDatabase,
  projectId: string,
  previous: SearchableProject | null,
  onProgress: (done: number, total: number, phase: 'load' | 'build') => void = () => undefined,
): Promise<SearchableProject> {
  const [sources, contentRows, cases, attributes, memos] = await db.transaction('r', [db.sources, db.sourceContents, db.cases, db.attributes, db.memos], () =>
    Promise.all([
      db.sources.where({ projectId }).toArray(),
      db.sourceContents.where({ projectId }).toArray(),
      db.cases.where({ projectId }).toArray(),
      db.attributes.where({ projectId }).toArray(),
      db.memos.where({ projectId }).toArray(),
    ]),
  );
  attributes.sort((a, b) => a.order - b.order);
  const corpus = corpusOf({ sources, contents: contentRows, cases, attributes });
  const contents = new Map(contentRows.map((c) => [c.sourceId, c]));
  const fingerprints = new Map(
    [...corpus.sources.values()].map((s) => {
      const c = contents.get(s.id);
      const caseNames = s.caseIds.map((id) => corpus.cases.get(id)?.name ?? '');
      return [
        s.id,
        sourceFingerprint({
          text: c?.text ?? '',
          turns: c?.turns ?? [],
          paragraphs: c?.paragraphs.length ?? 0,
          name: s.name,
          kind: s.kind,
          language: s.language ?? 'und',
          caseNames,
        }),
      ];
    }),
  );

  // What is held: from memory when this project was open, else from the store.
  const held = new Map<string, HeldPartition>();
  if (previous?.projectId === projectId) for (const [id, h] of previous.held) held.set(id, h);
  else {
    const rows = await db.searchIndexes.where({ projectId }).toArray();
    for (const [i, row] of rows.entries()) {
      onProgress(i, rows.length, 'load');
      const partition = loadPartition(row);
      // A damaged row is left out of the plan: its sources are indexed anew.
      if (partition) held.set(row.id, { id: row.id, language: row.language, fingerprints: row.fingerprints, partition });
      else await db.searchIndexes.delete(row.id);
    }
  }

  const plan = planIndex(
    [...held.values()],
    [...corpus.sources.values()].map((s) => ({ id: s.id, language: s.language, fingerprint: fingerprints.get(s.id)! })),
    newId,
  );
  if (plan.drop.length) await db.searchIndexes.bulkDelete(plan.drop);
  for (const id of plan.drop) held.delete(id);
  onProgress(0, plan.build.length, 'build');
  for (const [i, b] of plan.build.entries()) {
    const built = buildPartition(
      b.language as WordLanguage | null,
      b.sourceIds.map((id) => partitionSourceOf(corpus.sources.get(id)!, contents.get(id) ?? { sourceId: id, text: '', paragraphs: [], turns: [] }, corpus.cases)),
    );
    const stored = storePartition(built);
    const row: SearchIndexRow = { ...stored, id: b.id, projectId, fingerprints: Object.fromEntries(b.sourceIds.map((id) => [id, fingerprints.get(id)!])) };
    await db.searchIndexes.put(row);
    held.set(b.id, { id: b.id, language: b.language, fingerprints: row.fingerprints, partition: loadPartition(stored)! });
    onProgress(i + 1, plan.build.length, 'build');
    // Let the worker answer searches between partitions.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const groups: UnitGroup[] = [...held.values()].map((h) => ({ language: h.language, units: h.partition.units, partition: h.partition }));
  return { projectId, corpus, contents, groups, memos, held };
}
