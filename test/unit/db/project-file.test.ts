import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../src/exchange/qdpx-read';
import { writeQdpx } from '../../../src/exchange/qdpx-write';
import { addProjectFromData } from '../../../src/db/project-file';
import { listProjects } from '../../../src/db/projects';
import { loadProjectData } from '../../../src/db/snapshot';
import { runAnalysis, type AnalysisDefinition } from '../../../src/analysis/run';
import type { ProjectData } from '../../../src/model/types';
import { cellText } from '../../../src/model/table';
import { data } from '../analysis/fixture';
import { freshDatabase, itWithShared, shared } from '../helpers';

const framework: AnalysisDefinition = {
  type: 'framework',
  matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' },
  show: 'counts',
};
const withMatrix: ProjectData = {
  ...data,
  analyses: [{ id: 'A1', projectId: 'p', name: 'Matriz', type: 'framework', definition: framework, summaries: {}, createdAt: '', updatedAt: '' }],
};

describe('opening a .qdpx as a new project', () => {
  it('stores it whole, and opening the same file again makes a second project with ids of its own, the first untouched', async () => {
    const db = freshDatabase();
    const file = writeQdpx(withMatrix);
    const first = await addProjectFromData(db, (await readQdpx(file)).data);
    const second = await addProjectFromData(db, (await readQdpx(file)).data);
    expect((await listProjects(db)).map((p) => p.name).sort()).toEqual(['P', 'P (2)']);
    const [a, b] = [await loadProjectData(db, first), await loadProjectData(db, second)];
    for (const d of [a, b]) {
      expect(d.segments).toHaveLength(7);
      // The saved matrix counts the same in both: its code and cases were renamed with them.
      const table = runAnalysis(d, { ...d.analyses[0], definition: d.analyses[0].definition! }).table;
      expect(table.rows.map((r) => r.cells.map((c) => cellText(c)))).toEqual([
        ['D1', '0'],
        ['P1', '1'],
        ['P2', '2'],
        ['P3', '0'],
      ]);
    }
    expect(a.codes.map((c) => c.id).sort()).toEqual(['CHAL', 'CLOSE', 'REL', 'TRUST']);
    expect(b.codes.some((c) => a.codes.some((x) => x.id === c.id))).toBe(false);
    expect(b.segments.every((s) => b.codes.some((c) => c.id === s.codeId) && b.sources.some((x) => x.id === s.sourceId))).toBe(true);
  });

  itWithShared('stores the NVivo project and reads it back with its 303 codings', async () => {
    const db = freshDatabase();
    const id = await addProjectFromData(db, (await readQdpx(shared('refi/samples/nvivo12_oltas0517_hungarian.qdpx'))).data);
    const stored = await loadProjectData(db, id);
    expect([stored.sources.length, stored.codes.length, stored.segments.length]).toEqual([2, 152, 303]);
  });
});
