import { codebookMergeChanges, planCodebookMerge, type MergeChoice } from '../exchange/codebook-merge';
import type { Code } from '../model/types';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

/**
 * Brings a codebook file's codes into a project as planned (see planCodebookMerge), read and
 * written in one transaction so that a code another window added meanwhile is matched, not
 * doubled; one undo step takes it all back.
 */
export async function mergeCodebook(db: QdaDatabase, projectId: string, incoming: Code[], choice: MergeChoice, fileName: string): Promise<number> {
  return db.transaction('rw', [db.codes, db.undoLog], async () => {
    const existing = await db.codes.where('projectId').equals(projectId).toArray();
    const plan = planCodebookMerge(existing, incoming);
    const taken = await db.codes.bulkGet(plan.adds.map((c) => c.id));
    const changes = codebookMergeChanges(plan, projectId, existing, choice, new Set(taken.flatMap((c) => (c ? [c.id] : []))));
    await commitChanges(db, projectId, step('history.importCodebook', { name: fileName }), changes);
    return plan.adds.length;
  });
}
