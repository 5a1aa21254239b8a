import { added } from '../model/change';
import { ResearcherError } from '../model/errors';
import type { Segment } from '../model/types';
import { passagesToCode, type Passage } from '../search/autocode';
import { newId, nowIso } from '../util/id';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

export interface AutocodeRequest {
  projectId: string;
  codeId: string;
  coderId: string;
  passages: Passage[];
  /** How the step reads in the history: a search's hits or a speaker's turns. */
  what: { kind: 'search'; query: string } | { kind: 'speaker'; speaker: string };
}

/**
 * Codes many passages at once (a search's hits, a speaker's turns) as one undo step, with
 * the coder recorded; a passage the code already covers exactly is not coded twice.
 * Returns how many segments were made.
 */
export async function codePassages(db: QdaDatabase, request: AutocodeRequest): Promise<number> {
  return db.transaction('rw', [db.segments, db.codes, db.sourceContents, db.undoLog], async () => {
    const code = await db.codes.get(request.codeId);
    if (!code || code.projectId !== request.projectId) throw new ResearcherError('error.codeGone');
    const existing = await db.segments.where('codeId').equals(request.codeId).toArray();
    const createdAt = nowIso();
    const segments: Segment[] = passagesToCode(request.passages, existing, request.codeId)
      .filter((p) => p.end > p.start)
      .map((p) => ({ id: newId(), projectId: request.projectId, sourceId: p.sourceId, codeId: request.codeId, start: p.start, end: p.end, coderId: request.coderId, createdAt }));
    if (!segments.length) return 0;
    const label =
      request.what.kind === 'search'
        ? step('history.autocodeSearch', { name: code.name, count: segments.length, query: request.what.query })
        : step('history.autocodeSpeaker', { name: code.name, count: segments.length, speaker: request.what.speaker });
    await commitChanges(
      db,
      request.projectId,
      label,
      segments.map((s) => added('segments', s.id, s)),
    );
    return segments.length;
  });
}
