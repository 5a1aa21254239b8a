import { saveTypedField } from '@core/db/typed-fields';
import { DRAFT_PREFIX, draftsToRecover, parseDraft, type Draft } from '@core/editing/drafts';
import { newId } from '@core/util/id';
import { ResearcherError } from '@core/model/errors';
import { db } from '../db';
import { isWindowOpen, refreshOpenWindows, windowId } from '../windows/window-identity';

/**
 * Stores what was typed in a project but never reached the store (a reload, a crash, a
 * window closed mid-sentence), when the project opens. Returns how many texts were saved.
 */
export async function recoverDrafts(projectId: string, marker: string): Promise<number> {
  await refreshOpenWindows();
  const drafts: { key: string; draft: Draft }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(DRAFT_PREFIX)) continue;
    const draft = parseDraft(key, localStorage.getItem(key));
    if (draft) drafts.push({ key, draft });
  }
  const due = new Set(
    draftsToRecover(
      drafts.map((d) => d.draft),
      projectId,
      windowId,
      isWindowOpen,
    ),
  );
  let saved = 0;
  for (const { key, draft } of drafts) {
    if (!due.has(draft)) continue;
    // A draft the store now holds is done; one whose field was deleted, or that its field
    // cannot take (a cell's value that is not a number), has nowhere to go. One the store
    // could not take just now (closing, full) stays for the next opening.
    const out = await saveTypedField(db, draft.field, draft.value, draft.base, typeof draft.session === 'string' ? draft.session : newId(), marker).catch((e: unknown) =>
      e instanceof ResearcherError ? null : 'retry',
    );
    if (out === 'retry') continue;
    localStorage.removeItem(key);
    if (out?.status === 'saved' && out.stored !== draft.base) saved++;
  }
  return saved;
}
