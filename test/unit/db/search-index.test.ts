import { describe, expect, it } from 'vitest';
import { openSearchIndex } from '../../../src/db/search-index';
import { createProject } from '../../../src/db/projects';
import { addImportedSources, deleteSource, updateSource } from '../../../src/db/sources';
import { importSource } from '../../../src/import';
import { runSearch } from '../../../src/search/search';
import { freshDatabase, utf8 } from '../helpers';

async function addText(db: ReturnType<typeof freshDatabase>, projectId: string, name: string, text: string) {
  const result = await importSource({ name, bytes: utf8(text) });
  if (!result.ok) throw new Error(result.error.message);
  await addImportedSources(db, projectId, result);
}

const found = (project: Awaited<ReturnType<typeof openSearchIndex>>, query: string) => {
  const outcome = runSearch(project.groups, project.corpus, { query, mode: 'words' });
  if (!outcome.ok) throw new Error(outcome.error.key);
  return outcome.hits.map((h) => project.corpus.sources.get(h.sourceId)!.name);
};

describe('the project’s search index, kept in the store and brought up to date', () => {
  it('builds once, reads itself back from the store, and rebuilds only the partition a new, changed or deleted source is in', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Vínculos');
    for (let i = 0; i < 20; i++) await addText(db, project.id, `Entrevista ${i}.txt`, `La familia habló de la confianza número ${i} con la profesional. El vínculo creció.`);
    const progress: number[] = [];
    const first = await openSearchIndex(db, project.id, null, (_done, total, phase) => phase === 'build' && progress.push(total));
    expect(progress[0]).toBe(2); // 20 Spanish sources: two partitions of at most 15
    expect(await db.searchIndexes.count()).toBe(2);
    expect(found(first, 'vinculo')).toHaveLength(20);

    // Opening again (a reload) reads the indexes from the store: nothing is rebuilt.
    const totals: number[] = [];
    const reopened = await openSearchIndex(db, project.id, null, (_d, total, phase) => phase === 'build' && totals.push(total));
    expect(totals).toEqual([0]);
    expect(found(reopened, 'confianza')).toHaveLength(20);

    // A new source joins a partition with room: only that one is rebuilt.
    await addText(db, project.id, 'Informe nuevo.txt', 'La audiencia fue difícil para la familia.');
    const afterImport: number[] = [];
    const withNew = await openSearchIndex(db, project.id, reopened, (_d, total, phase) => phase === 'build' && afterImport.push(total));
    expect(afterImport[0]).toBe(1);
    expect(found(withNew, 'audiencia')).toEqual(['Informe nuevo']);

    // Deleting a source rebuilds the partition it was in; renaming one changes what filters see.
    const gone = (await db.sources.where('projectId').equals(project.id).toArray()).find((s) => s.name === 'Entrevista 3')!;
    await deleteSource(db, gone.id);
    const afterDelete: number[] = [];
    const withoutIt = await openSearchIndex(db, project.id, withNew, (_d, total, phase) => phase === 'build' && afterDelete.push(total));
    expect(afterDelete[0]).toBe(1);
    expect(found(withoutIt, 'vinculo')).toHaveLength(19);
    const renamed = (await db.sources.where('projectId').equals(project.id).toArray()).find((s) => s.name === 'Entrevista 4')!;
    await updateSource(db, renamed.id, { name: 'Entrevista cuatro' });
    const afterRename = await openSearchIndex(db, project.id, withoutIt);
    expect(found(afterRename, 'vinculo source:"Entrevista cuatro"')).toEqual(['Entrevista cuatro']);
  });

  it('rebuilds a damaged stored partition instead of failing', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    await addText(db, project.id, 'E1.txt', 'El vínculo con la familia.');
    await openSearchIndex(db, project.id, null);
    const [row] = await db.searchIndexes.toArray();
    await db.searchIndexes.put({ ...row, index: '{not json' });
    const totals: number[] = [];
    const repaired = await openSearchIndex(db, project.id, null, (_d, total, phase) => phase === 'build' && totals.push(total));
    expect(totals[0]).toBe(1);
    expect(found(repaired, 'familia')).toEqual(['E1']);
  });
});
