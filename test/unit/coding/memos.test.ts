import { describe, expect, it } from 'vitest';
import { filterMemos, memoTarget } from '../../../src/coding/memos';
import { undo } from '../../../src/db/changes';
import { codeText, createCode, createMemo, deleteMemo, editMemo, setSegmentMemo, uncode } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import type { Memo } from '../../../src/model/types';
import { freshDatabase } from '../helpers';

describe('memos', () => {
  it('keeps a field notebook by date and filters memos by what they are attached to', () => {
    const memo = (id: string, date: string, type: Memo['type'], links: Memo['links'], body = ''): Memo => ({
      id,
      projectId: 'p',
      title: id,
      body,
      type,
      date,
      links,
      createdAt: date,
      updatedAt: date,
    });
    const memos = [
      memo('visit-1', '2023-03-01', 'field-note', {}, 'Primera visita a la díada 3'),
      memo('visit-2', '2023-04-12', 'field-note', { caseId: 'dyad3' }),
      memo('on-trust', '2023-05-02', 'memo', { codeId: 'trust' }),
      memo('on-quote', '2023-05-03', 'memo', { segmentId: 's1' }),
    ];
    expect(filterMemos(memos, { type: 'field-note' }).map((m) => m.id)).toEqual(['visit-2', 'visit-1']);
    expect(filterMemos(memos, { from: '2023-04-01', to: '2023-05-02' }).map((m) => m.id)).toEqual(['on-trust', 'visit-2']);
    expect(filterMemos(memos, { target: 'segment' }).map((m) => m.id)).toEqual(['on-quote']);
    expect(filterMemos(memos, { text: 'díada' }).map((m) => m.id)).toEqual(['visit-1']);
    expect(memos.map(memoTarget)).toEqual(['project', 'case', 'code', 'segment']);
  });

  it('writes, edits and deletes memos as undoable steps; a segment’s memo goes when it is uncoded', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Alianza');
    const memo = await createMemo(db, project.id, { title: '', body: 'La cuidadora llegó tarde.\nSegunda línea', type: 'field-note', date: '2023-06-01', links: {} });
    expect(memo.title).toBe('La cuidadora llegó tarde.');
    await editMemo(db, memo.id, { body: 'La cuidadora llegó a tiempo.' });
    await undo(db, project.id);
    expect((await db.memos.get(memo.id))?.body).toBe('La cuidadora llegó tarde.\nSegunda línea');
    await deleteMemo(db, memo.id);
    expect(await db.memos.count()).toBe(0);
    await undo(db, project.id);
    expect(await db.memos.count()).toBe(1);

    await db.sourceContents.add({ sourceId: 's', projectId: project.id, text: 'Hay más confianza.', paragraphs: [{ start: 0, end: 18 }], turns: [], annotations: [] });
    const code = await createCode(db, project.id, 'Confianza');
    const segment = (await codeText(db, { projectId: project.id, sourceId: 's', codeId: code.id, start: 4, end: 17, coderId: 'c' }))!;
    await setSegmentMemo(db, segment.id, 'Primera mención de confianza.');
    const onSegment = await db.memos.filter((m) => m.links.segmentId === segment.id).first();
    expect(onSegment?.title).toBe('Confianza: “más confianza”');
    await uncode(db, project.id, [segment.id]);
    expect(await db.memos.filter((m) => m.links.segmentId === segment.id).count()).toBe(0);
  });
});

describe('saving two fields at once', () => {
  it('keeps both edits when a memo’s title and date are saved together', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    const memo = await createMemo(db, project.id, { title: 'x', body: '', type: 'field-note', date: '2023-01-01', links: {} });
    await Promise.all([editMemo(db, memo.id, { title: 'Visita' }), editMemo(db, memo.id, { date: '2023-06-16' })]);
    expect(await db.memos.get(memo.id)).toMatchObject({ title: 'Visita', date: '2023-06-16' });
  });
});
