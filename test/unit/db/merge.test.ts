import { describe, expect, it } from 'vitest';
import { historyText, undo } from '../../../src/db/changes';
import { codeText, ensureCoder } from '../../../src/db/coding';
import { mergeProjectCopy } from '../../../src/db/merge';
import { addProjectFromData } from '../../../src/db/project-file';
import { loadProjectData } from '../../../src/db/snapshot';
import { readQdpx } from '../../../src/exchange/qdpx-read';
import { writeQdpx } from '../../../src/exchange/qdpx-write';
import { data } from '../analysis/fixture';
import { freshDatabase, itWithShared, shared } from '../helpers';
import { mergedNothing } from '../../../src/exchange/merge-report';
import { createProject } from '../../../src/db/projects';

const none = { sources: new Set<string>(), codes: new Set<string>() };

describe('merging a colleague’s .qdpx into the project', () => {
  it('brings in their coder and coding through the file, once, as one undo step', async () => {
    // Our project, sent to a colleague who opens it on another machine and codes as Beto.
    const ours = freshDatabase();
    const projectId = await addProjectFromData(ours, (await readQdpx(writeQdpx(data))).data);
    const sent = writeQdpx(await loadProjectData(ours, projectId));
    const theirs = freshDatabase();
    const theirProject = await addProjectFromData(theirs, (await readQdpx(sent)).data);
    const beto = await ensureCoder(theirs, theirProject, 'Beto');
    const trust = (await loadProjectData(theirs, theirProject)).codes.find((c) => c.name === 'Trust')!;
    const source = (await loadProjectData(theirs, theirProject)).sources[0];
    await codeText(theirs, { projectId: theirProject, sourceId: source.id, codeId: trust.id, start: 2, end: 9, coderId: beto.id });
    const back = (await readQdpx(writeQdpx(await loadProjectData(theirs, theirProject)))).data;

    const before = await loadProjectData(ours, projectId);
    const report = await mergeProjectCopy(ours, projectId, back, none, { fileName: 'P-Beto.qdpx' });
    expect(report.sources).toMatchObject({ byGuid: before.sources.length, added: 0 });
    expect(report.codes).toMatchObject({ byGuid: before.codes.length, added: 0 });
    expect(report.coders.added).toEqual(['Beto']);
    expect(report.segments).toMatchObject({ added: 1, alreadyHere: before.segments.length });
    const after = await loadProjectData(ours, projectId);
    expect(after.segments.filter((s) => s.coderId === beto.id).map((s) => [s.sourceId, s.codeId, s.start, s.end])).toEqual([[source.id, trust.id, 2, 9]]);

    // The same file again: nothing changes, and no step is recorded.
    const again = await mergeProjectCopy(ours, projectId, back, none, { fileName: 'P-Beto.qdpx' });
    expect(again.segments.added).toBe(0);
    expect((await loadProjectData(ours, projectId)).segments).toHaveLength(after.segments.length);

    expect(historyText(await undo(ours, projectId))).toBe('Merge P-Beto.qdpx');
    const undone = await loadProjectData(ours, projectId);
    expect(undone.segments).toHaveLength(before.segments.length);
    expect(undone.coders.map((c) => c.name)).toEqual(before.coders.map((c) => c.name));
  });

  it('merging a copy opened in this same browser gives its rows new ids and still adds nothing twice', async () => {
    const db = freshDatabase();
    const projectId = await addProjectFromData(db, (await readQdpx(writeQdpx(data))).data);
    const file = writeQdpx(await loadProjectData(db, projectId));
    // The copy opened here as a project of its own: its ids are renamed in the store.
    await addProjectFromData(db, (await readQdpx(file)).data);
    const report = await mergeProjectCopy(db, projectId, (await readQdpx(file)).data, none, { fileName: 'copia.qdpx' });
    expect(report.segments.added).toBe(0);
    expect(report.sources.added).toBe(0);
  });
});

describe('merging copies written by other tools', () => {
  for (const file of ['nvivo12_oltas0517_hungarian.qdpx', 'atlasti23_target-atlas-project.qdpx', 'maxqda24_icls_themes.qdpx']) {
    itWithShared(`a project opened from ${file} takes the same file as a copy with nothing new, and a blank project takes it all`, async () => {
      const bytes = shared(`refi/samples/${file}`);
      const db = freshDatabase();
      const opened = (await readQdpx(bytes)).data;
      const projectId = await addProjectFromData(db, opened);
      const same = await mergeProjectCopy(db, projectId, (await readQdpx(bytes)).data, none, { fileName: file });
      expect(mergedNothing(same)).toBe(true);

      const blank = await createProject(db, 'Vacío');
      const all = await mergeProjectCopy(db, blank.id, (await readQdpx(bytes)).data, none, { fileName: file });
      const merged = await loadProjectData(db, blank.id);
      expect(all.sources.added).toBe(opened.sources.length);
      expect(merged.segments).toHaveLength(opened.segments.length);
      expect(merged.codes).toHaveLength(opened.codes.length);
      // The ids the first project holds are given anew: both projects stay whole.
      expect((await loadProjectData(db, projectId)).segments).toHaveLength(opened.segments.length);
    });
  }
});
