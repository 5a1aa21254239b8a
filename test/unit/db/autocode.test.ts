import { describe, expect, it } from 'vitest';
import { codePassages } from '../../../src/db/autocode';
import { historyText, undo } from '../../../src/db/changes';
import { createCode, ensureCoder } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import { freshDatabase } from '../helpers';

const passages = [
  { sourceId: 's1', start: 0, end: 10 },
  { sourceId: 's1', start: 20, end: 30 },
  { sourceId: 's2', start: 5, end: 9 },
];

describe('auto-coding a search’s hits', () => {
  it('codes every passage as one undo step, with the coder, and never codes a passage twice', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Vínculos');
    const code = await createCode(db, project.id, 'Confianza');
    const coder = await ensureCoder(db, project.id, 'Ana');
    const first = await codePassages(db, { projectId: project.id, code: { id: code.id }, coderId: coder.id, passages, what: { kind: 'search', query: 'confian*' } });
    expect(first.coded).toBe(3);
    const segments = await db.segments.where('codeId').equals(code.id).toArray();
    expect(segments.map((s) => s.coderId)).toEqual([coder.id, coder.id, coder.id]);
    expect((await codePassages(db, { projectId: project.id, code: { id: code.id }, coderId: coder.id, passages, what: { kind: 'search', query: 'confian*' } })).coded).toBe(0);
    expect(historyText(await undo(db, project.id))).toBe('Code 3 hits of “confian*” with “Confianza”');
    expect(await db.segments.count()).toBe(0);
  });

  it('creates a new code in the same undo step as its coding', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Vínculos');
    const coder = await ensureCoder(db, project.id, 'Ana');
    const { code } = await codePassages(db, {
      projectId: project.id,
      code: { newName: 'Entrevistadora' },
      coderId: coder.id,
      passages,
      what: { kind: 'speaker', speaker: 'Entrevistadora' },
    });
    expect(code.name).toBe('Entrevistadora');
    expect(await db.segments.count()).toBe(3);
    expect(historyText(await undo(db, project.id))).toBe('Code 3 turns of Entrevistadora with “Entrevistadora”');
    expect(await db.codes.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
  });
});
