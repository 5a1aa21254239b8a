import { describe, expect, it } from 'vitest';
import { planCodebookMerge } from '../../../src/exchange/codebook-merge';
import { readQdc, writeQdc } from '../../../src/exchange/qdc';
import { mergeCodebook } from '../../../src/db/codebook-import';
import { createCode, editCode } from '../../../src/db/coding';
import { historyText, undo } from '../../../src/db/changes';
import { createProject } from '../../../src/db/projects';
import type { Code } from '../../../src/model/types';
import { freshDatabase } from '../helpers';

const code = (id: string, name: string, parentId: string | null, extra: Partial<Code> = {}): Code => ({
  id,
  projectId: '',
  parentId,
  name,
  color: '',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order: 0,
  ...extra,
});

describe('bringing a codebook (.qdc) into a project', () => {
  it('plans before it changes anything: new codes, codes already here by identifier or by name, and where they differ', () => {
    const existing = [code('a', 'Relación', null, { color: '#4e79a7', description: 'Vínculo' }), code('b', 'Confianza', 'a'), code('c', 'Desafíos', null)];
    const incoming = [
      code('a', 'Relación', null, { description: 'Vínculo con la familia' }),
      code('n1', 'Cercanía', 'a'),
      code('x', 'desafíos', null),
      code('n2', 'Obstáculos', 'x'),
    ];
    const plan = planCodebookMerge(existing, incoming);
    expect(plan.adds.map((c) => [c.name, c.parentId])).toEqual([
      ['Cercanía', 'a'],
      ['Obstáculos', 'c'],
    ]);
    expect(plan.same.map((s) => [s.incoming.name, s.existing.id, s.by, s.differences])).toEqual([
      ['Relación', 'a', 'guid', ['description']],
      ['desafíos', 'c', 'name', ['name']],
    ]);
  });

  it('never takes a name from the file that another code beside it has here', () => {
    const existing = [code('a', 'Relación', null), code('b', 'Confianza', 'a'), code('c', 'Cercanía', 'a')];
    const plan = planCodebookMerge(existing, [code('b', 'Cercanía', 'a')]);
    expect(plan.same.map((s) => s.differences)).toEqual([[]]);
    expect(plan.namesTaken.map((n) => [n.existing.name, n.name])).toEqual([['Confianza', 'Cercanía']]);
  });

  it('adds the new codes in one undo step, keeping or taking the file’s names as chosen; the same file in a second project gets ids of its own', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Visitas');
    const relation = await createCode(db, project.id, 'Relación');
    await editCode(db, relation.id, { description: 'Vínculo' });
    const file = writeQdc([{ ...relation, description: 'Vínculo con la familia' }, code('00000000-0000-4000-8000-000000000001', 'Cercanía', relation.id, { color: '#59a14f' })]);
    const { codes } = readQdc(file);

    expect(await mergeCodebook(db, project.id, codes, 'keep-mine', 'libro.qdc')).toBe(1);
    let stored = await db.codes.where('projectId').equals(project.id).toArray();
    expect(stored.map((c) => [c.name, c.parentId === relation.id, c.description]).sort()).toEqual([
      ['Cercanía', true, ''],
      ['Relación', false, 'Vínculo'],
    ]);
    expect(historyText(await undo(db, project.id))).toBe('Import codebook “libro.qdc”');
    expect((await db.codes.where('projectId').equals(project.id).toArray()).map((c) => c.name)).toEqual(['Relación']);

    await mergeCodebook(db, project.id, codes, 'take-theirs', 'libro.qdc');
    stored = await db.codes.where('projectId').equals(project.id).toArray();
    expect(stored.find((c) => c.id === relation.id)?.description).toBe('Vínculo con la familia');

    const other = await createProject(db, 'Otra');
    await mergeCodebook(db, other.id, codes, 'keep-mine', 'libro.qdc');
    const theirs = await db.codes.where('projectId').equals(other.id).toArray();
    expect(theirs.map((c) => c.name).sort()).toEqual(['Cercanía', 'Relación']);
    expect(theirs.find((c) => c.name === 'Cercanía')!.parentId).toBe(theirs.find((c) => c.name === 'Relación')!.id);
    expect(theirs.some((c) => stored.some((s) => s.id === c.id))).toBe(false);
  });
});
