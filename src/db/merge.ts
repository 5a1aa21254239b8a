import { mergeChanges, type MergeConfirmations, type MergeReport } from '../exchange/merge';
import type { Translator } from '../i18n';
import type { ProjectData } from '../model/types';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';
import { loadProjectData } from './snapshot';

const MERGED_TABLES = ['sources', 'cases', 'attributes', 'codes', 'segments', 'memos', 'coders', 'analyses'] as const;

/**
 * Merges a colleague's copy (read from their .qdpx) into the project: one transaction, one
 * undo step. Their rows keep their ids unless another project in this store holds the same
 * id (a copy opened here as a project of its own), in which case they get new ones.
 */
export async function mergeProjectCopy(
  db: QdaDatabase,
  projectId: string,
  theirs: ProjectData,
  confirmed: MergeConfirmations,
  options: { fileName: string; t?: Translator },
): Promise<MergeReport> {
  const tables = [db.projects, db.sources, db.sourceContents, db.cases, db.attributes, db.codes, db.segments, db.memos, db.coders, db.analyses, db.undoLog];
  return db.transaction('rw', tables, async () => {
    const ours = await loadProjectData(db, projectId);
    const takenIds = new Set<string>();
    // Ids another project of this store holds (a copy opened here as a project of its own).
    await Promise.all(
      MERGED_TABLES.map(async (table) => {
        const rows = (await db[table].bulkGet((theirs[table] as { id: string }[]).map((r) => r.id))) as ({ id: string; projectId: string } | undefined)[];
        for (const row of rows) if (row && row.projectId !== projectId) takenIds.add(row.id);
      }),
    );
    const { changes, report } = mergeChanges(ours, theirs, confirmed, { takenIds, fileName: options.fileName, t: options.t });
    // What the merge adds is read back from the store if it is undone, not kept twice in the history.
    const lazy = changes.map((c) => (c.before === undefined ? { ...c, lazy: true } : c));
    await commitChanges(db, projectId, step('history.mergeCopy', { file: options.fileName }), lazy);
    return report;
  });
}
