import { createCodeChange } from '../coding/codes';
import { added, type Change } from '../model/change';
import { ResearcherError } from '../model/errors';
import type { Code, Segment } from '../model/types';
import { passagesToCode, type Passage } from '../search/autocode';
import { newId, nowIso } from '../util/id';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

export interface AutocodeRequest {
  projectId: string;
  /** An existing code, or the name of a code to create with the coding. */
  code: { id: string } | { newName: string };
  coderId: string;
  passages: Passage[];
  /** How the step reads in the history: a search's hits or a speaker's turns. */
  what: { kind: 'search'; query: string } | { kind: 'speaker'; speaker: string } | { kind: 'structure'; part: string };
}

/**
 * Codes many passages at once (a search's hits, a speaker's turns) as one undo step, with
 * the coder recorded, creating the code in the same step when it is new; a passage the code
 * already covers exactly is not coded twice. Returns how many segments were made.
 */
export async function codePassages(db: QdaDatabase, request: AutocodeRequest): Promise<{ coded: number; code: Code }> {
  return db.transaction('rw', [db.segments, db.codes, db.undoLog], async () => {
    const changes: Change[] = [];
    let code: Code | undefined;
    let existing: Segment[] = [];
    if ('id' in request.code) {
      code = await db.codes.get(request.code.id);
      if (!code || code.projectId !== request.projectId) throw new ResearcherError('error.codeGone');
      // Another coder's coding of the same passage is theirs: this coder codes it too.
      existing = (await db.segments.where('codeId').equals(code.id).toArray()).filter((s) => s.coderId === request.coderId);
    } else {
      const created = createCodeChange(await db.codes.where('projectId').equals(request.projectId).toArray(), request.projectId, request.code.newName, null);
      code = created.code;
      changes.push(...created.changes);
    }
    const createdAt = nowIso();
    const codeId = code.id;
    const segments: Segment[] = passagesToCode(request.passages, existing, codeId)
      .filter((p) => p.end > p.start)
      .map((p) => ({ id: newId(), projectId: request.projectId, sourceId: p.sourceId, codeId, start: p.start, end: p.end, coderId: request.coderId, createdAt }));
    if (!segments.length) return { coded: 0, code };
    changes.push(...segments.map((s) => added('segments', s.id, s)));
    const what = request.what;
    const label =
      what.kind === 'search'
        ? step('history.autocodeSearch', { name: code.name, count: segments.length, query: what.query })
        : what.kind === 'speaker'
          ? step('history.autocodeSpeaker', { name: code.name, count: segments.length, speaker: what.speaker })
          : step('history.autocodeStructure', { name: code.name, count: segments.length, part: what.part });
    await commitChanges(db, request.projectId, label, changes);
    return { coded: segments.length, code };
  });
}
