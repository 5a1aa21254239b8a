import { codePath, createCodeChange, deleteCodeChanges, editCodeChange, mergeCodeChanges, moveCodeChanges, type CodeEdit } from '../coding/codes';
import { ResearcherError } from '../model/errors';
import { acceptVersionChanges, type AcceptVersion } from '../coding/accept-version';
import { createMemoChange, deleteMemoChange, editMemoChange, segmentMemoChanges, type MemoDraft } from '../coding/memos';
import { codeTextChanges, moveBoundary, resizeSegmentChange, tidySelection, uncodeChanges, type CodingRequest } from '../coding/segments';
import type { Code, Coder, Memo, Segment } from '../model/types';
import { newId } from '../util/id';
import { nextCoderColor } from '../coding/current-coder';
import { updated } from '../model/change';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

const codesOf = (db: QdaDatabase, projectId: string) => db.codes.where('projectId').equals(projectId).toArray();

/**
 * The coder for the current user in a project, created on first use. Every segment
 * records its coder, for team work and agreement later.
 */
export async function ensureCoder(db: QdaDatabase, projectId: string, name: string, color?: string): Promise<Coder> {
  const trimmed = name.trim() || 'Researcher';
  return db.transaction('rw', db.coders, async () => {
    const coders = await db.coders.where('projectId').equals(projectId).toArray();
    const existing = coders.find((c) => c.name === trimmed);
    if (existing) return existing;
    const coder: Coder = { id: newId(), projectId, name: trimmed, color: color ?? nextCoderColor(coders) };
    await db.coders.add(coder);
    return coder;
  });
}

/** Renames or recolours a coder: one undo step (typing a name in one sitting is one). */
export async function editCoder(db: QdaDatabase, coderId: string, edit: Partial<Pick<Coder, 'name' | 'color'>>, options: { session?: string } = {}): Promise<void> {
  await db.transaction('rw', db.coders, db.undoLog, async () => {
    const coder = await db.coders.get(coderId);
    if (!coder) return;
    const after = { ...coder, ...edit };
    if (after.name === coder.name && after.color === coder.color) return;
    await commitChanges(
      db,
      coder.projectId,
      step(edit.name !== undefined && edit.name !== coder.name ? 'history.renameCoder' : 'history.recolourCoder', { name: coder.name }),
      [updated('coders', coder.id, coder, after)],
      options,
    );
  });
}

/**
 * Code actions read the codebook and write their step in one transaction: a second window
 * (or a double click) creating, moving or merging at the same moment cannot act on a
 * codebook that has changed in between.
 */
const inCodebook = <T>(db: QdaDatabase, work: () => Promise<T>): Promise<T> => db.transaction('rw', [db.codes, db.segments, db.memos, db.undoLog], work);

export async function createCode(db: QdaDatabase, projectId: string, name: string, parentId: string | null = null, color?: string): Promise<Code> {
  return inCodebook(db, async () => {
    const codes = await codesOf(db, projectId);
    if (codes.some((c) => c.parentId === parentId && c.name.toLowerCase() === name.trim().toLowerCase())) {
      throw new ResearcherError('error.codeExists', { name: name.trim() });
    }
    const { code, changes } = createCodeChange(codes, projectId, name, parentId, color);
    await commitChanges(db, projectId, step('history.newCode', { name: code.name }), changes);
    return code;
  });
}

// Edits read and write in one transaction: two fields saved at once (leaving one field
// for the next) must not both start from the row as it was.
export async function editCode(db: QdaDatabase, codeId: string, edit: CodeEdit, options: { session?: string } = {}): Promise<void> {
  await db.transaction('rw', db.codes, db.undoLog, async () => {
    const code = await db.codes.get(codeId);
    if (!code) return;
    const label = step(edit.name !== undefined && edit.name !== code.name ? 'history.renameCode' : edit.color ? 'history.recolourCode' : 'history.editCode', { name: code.name });
    await commitChanges(db, code.projectId, label, editCodeChange(code, edit), options);
  });
}

export async function moveCode(db: QdaDatabase, projectId: string, codeId: string, parentId: string | null, index: number): Promise<void> {
  await inCodebook(db, async () => {
    const codes = await codesOf(db, projectId);
    const code = codes.find((c) => c.id === codeId);
    if (!code) return;
    await commitChanges(db, projectId, step('history.moveCode', { name: code.name }), moveCodeChanges(codes, codeId, parentId, index));
  });
}

export async function mergeCodes(db: QdaDatabase, projectId: string, fromId: string, intoId: string): Promise<void> {
  await inCodebook(db, () => mergeInTransaction(db, projectId, fromId, intoId));
}

async function mergeInTransaction(db: QdaDatabase, projectId: string, fromId: string, intoId: string): Promise<void> {
  const [codes, segments, memos] = await Promise.all([
    codesOf(db, projectId),
    db.segments.where('codeId').anyOf([fromId, intoId]).toArray(),
    db.memos.where('projectId').equals(projectId).toArray(),
  ]);
  const from = codes.find((c) => c.id === fromId);
  const into = codes.find((c) => c.id === intoId);
  if (!from || !into) return;
  await commitChanges(db, projectId, step('history.mergeCodes', { from: from.name, into: codePath(codes, intoId) }), mergeCodeChanges(codes, segments, memos, fromId, intoId));
}

export async function deleteCode(db: QdaDatabase, projectId: string, codeId: string): Promise<void> {
  await inCodebook(db, () => deleteInTransaction(db, projectId, codeId));
}

async function deleteInTransaction(db: QdaDatabase, projectId: string, codeId: string): Promise<void> {
  const [codes, segments, memos] = await Promise.all([
    codesOf(db, projectId),
    db.segments.where('projectId').equals(projectId).toArray(),
    db.memos.where('projectId').equals(projectId).toArray(),
  ]);
  const code = codes.find((c) => c.id === codeId);
  if (!code) return;
  await commitChanges(db, projectId, step('history.deleteCode', { name: code.name }), deleteCodeChanges(codes, segments, memos, codeId));
}

/** Codes a stretch of a source; returns the segment (an existing one if it was coded already). */
export async function codeText(db: QdaDatabase, request: CodingRequest): Promise<Segment | null> {
  // Reads and write in one transaction: one commit, the cost a researcher waits for.
  return db.transaction('rw', db.segments, db.codes, db.undoLog, async () => {
    // Only this code's segments can make the coding a duplicate: read those, not the source's.
    const [existing, code] = await Promise.all([
      db.segments
        .where('codeId')
        .equals(request.codeId)
        .filter((s) => s.sourceId === request.sourceId)
        .toArray(),
      db.codes.get(request.codeId),
    ]);
    if (!code) throw new ResearcherError('error.codeGone');
    const { segment, changes } = codeTextChanges(existing, request);
    await commitChanges(db, request.projectId, step('history.codeWith', { name: code.name }), changes);
    return segment;
  });
}

/** Creates a code and codes the text with it, as one undo step (quick-code palette, in-vivo). */
export async function codeTextWithNewCode(
  db: QdaDatabase,
  request: Omit<CodingRequest, 'codeId'>,
  name: string,
  parentId: string | null = null,
): Promise<{ code: Code; segment: Segment }> {
  const [codes, existing] = await Promise.all([codesOf(db, request.projectId), db.segments.where('sourceId').equals(request.sourceId).toArray()]);
  const { code, changes } = createCodeChange(codes, request.projectId, name, parentId);
  const coded = codeTextChanges(existing, { ...request, codeId: code.id });
  await commitChanges(db, request.projectId, step('history.codeWithNew', { name: code.name }), [...changes, ...coded.changes]);
  return { code, segment: coded.segment! };
}

export async function uncode(db: QdaDatabase, projectId: string, segmentIds: string[]): Promise<void> {
  const segments = (await db.segments.bulkGet(segmentIds)).filter((s): s is Segment => !!s);
  const memos = await db.memos
    .where('projectId')
    .equals(projectId)
    .filter((m) => !!m.links.segmentId && segmentIds.includes(m.links.segmentId))
    .toArray();
  const label = step('history.uncode', { count: segments.length });
  await commitChanges(db, projectId, label, [...memos.map((m) => ({ table: 'memos' as const, key: m.id, before: m, after: undefined })), ...uncodeChanges(segments)]);
}

export async function resizeSegment(db: QdaDatabase, segmentId: string, start: number, end: number): Promise<void> {
  const segment = await db.segments.get(segmentId);
  if (!segment) return;
  const content = await db.sourceContents.get(segment.sourceId);
  const text = content?.text ?? '';
  const tidy = tidySelection(text, start, end);
  if (!tidy) throw new ResearcherError('error.emptySegment');
  await commitChanges(db, segment.projectId, step('history.adjustSegment'), resizeSegmentChange(segment, tidy.start, tidy.end, text.length));
}

/** Moves a segment's start or end a word earlier or later (Alt+arrows), one undo step. */
export async function moveSegmentEdge(db: QdaDatabase, segmentId: string, edge: 'start' | 'end', direction: -1 | 1): Promise<void> {
  const segment = await db.segments.get(segmentId);
  const content = segment && (await db.sourceContents.get(segment.sourceId));
  if (!segment || !content) return;
  const next = moveBoundary(content.text, segment, edge, direction);
  if (next.start === segment.start && next.end === segment.end) return;
  await resizeSegment(db, segment.id, next.start, next.end);
}

/** Writes (or clears) the memo on a segment: a memo linked to it, one undo step. */
export async function setSegmentMemo(db: QdaDatabase, segmentId: string, body: string, options: { session?: string } = {}): Promise<void> {
  const segment = await db.segments.get(segmentId);
  if (!segment) return;
  const existing = await segmentMemoOf(db, segment.projectId, segmentId);
  // The title quotes the segment: the source's text is read only when the memo is first written.
  const [code, content] = existing ? [] : await Promise.all([db.codes.get(segment.codeId), db.sourceContents.get(segment.sourceId)]);
  const quote = content ? content.text.slice(segment.start, Math.min(segment.end, segment.start + 40)) : '';
  const title = `${code?.name ?? ''}: “${quote}${segment.end - segment.start > 40 ? '…' : ''}”`;
  await commitChanges(
    db,
    segment.projectId,
    step('history.segmentMemo'),
    segmentMemoChanges(existing, segment.projectId, segmentId, body, title, new Date().toISOString().slice(0, 10)),
    options,
  );
}

export function segmentMemoOf(db: QdaDatabase, projectId: string, segmentId: string): Promise<Memo | undefined> {
  return db.memos
    .where('projectId')
    .equals(projectId)
    .filter((m) => m.links.segmentId === segmentId)
    .first();
}

export async function createMemo(db: QdaDatabase, projectId: string, draft: MemoDraft): Promise<Memo> {
  const { memo, changes } = createMemoChange(projectId, draft);
  await commitChanges(db, projectId, step('history.newMemo', { title: memo.title }), changes);
  return memo;
}

export async function editMemo(db: QdaDatabase, memoId: string, edit: Partial<MemoDraft>, options: { session?: string } = {}): Promise<void> {
  await db.transaction('rw', db.memos, db.undoLog, async () => {
    const memo = await db.memos.get(memoId);
    if (memo) await commitChanges(db, memo.projectId, step('history.editMemo', { title: memo.title }), editMemoChange(memo, edit), options);
  });
}

export async function deleteMemo(db: QdaDatabase, memoId: string): Promise<void> {
  const memo = await db.memos.get(memoId);
  if (memo) await commitChanges(db, memo.projectId, step('history.deleteMemo', { title: memo.title }), deleteMemoChange(memo));
}

/** Resolves a disagreement with one coder's version of a code over a stretch: one undo step. */
export async function acceptVersion(db: QdaDatabase, request: AcceptVersion): Promise<void> {
  await db.transaction('rw', [db.segments, db.memos, db.codes, db.coders, db.undoLog], async () => {
    const [segments, memos, code, coder] = await Promise.all([
      db.segments.where('sourceId').equals(request.sourceId).toArray(),
      db.memos.where('projectId').equals(request.projectId).toArray(),
      db.codes.get(request.codeId),
      db.coders.get(request.fromCoderId),
    ]);
    if (!code) throw new ResearcherError('error.codeGone');
    const changes = acceptVersionChanges(segments, memos, request);
    await commitChanges(db, request.projectId, step('history.acceptVersion', { code: code.name, coder: coder?.name ?? '' }), changes);
  });
}
