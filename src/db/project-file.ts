import type { ProjectData } from '../model/types';
import { newId, nowIso } from '../util/id';
import type { QdaDatabase } from './database';
import { CURRENT_SCHEMA_VERSION } from './schema';

type Table = 'sources' | 'cases' | 'attributes' | 'codes' | 'segments' | 'memos' | 'coders' | 'analyses';
const TABLES: Table[] = ['sources', 'cases', 'attributes', 'codes', 'segments', 'memos', 'coders', 'analyses'];

/** The project with renamed ids changed wherever an id is named (and only there: a case may be called what an id is). */
function renameIds(data: ProjectData, renamed: Map<string, string>): ProjectData {
  const r = (id: string) => renamed.get(id) ?? id;
  const key = (k: string) => k.split('\u0000').map(r).join('\u0000');
  const deep = (v: unknown): unknown =>
    typeof v === 'string' ? r(v) : Array.isArray(v) ? v.map(deep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)])) : v;
  const projectId = r(data.project.id);
  return {
    project: { ...data.project, id: projectId },
    sources: data.sources.map((s) => ({ ...s, projectId, id: r(s.id), caseIds: s.caseIds.map(r) })),
    contents: data.contents.map((c) => ({ ...c, projectId, sourceId: r(c.sourceId) })),
    cases: data.cases.map((c) => ({ ...c, projectId, id: r(c.id), values: Object.fromEntries(Object.entries(c.values).map(([a, v]) => [r(a), v])) })),
    attributes: data.attributes.map((a) => ({ ...a, projectId, id: r(a.id) })),
    codes: data.codes.map((c) => ({ ...c, projectId, id: r(c.id), parentId: c.parentId && r(c.parentId) })),
    segments: data.segments.map((s) => ({ ...s, projectId, id: r(s.id), sourceId: r(s.sourceId), codeId: r(s.codeId), coderId: r(s.coderId) })),
    memos: data.memos.map((m) => {
      const { sourceId, segmentId, codeId, caseId, cell } = m.links;
      const links = {
        ...(sourceId !== undefined && { sourceId: r(sourceId) }),
        ...(segmentId !== undefined && { segmentId: r(segmentId) }),
        ...(codeId !== undefined && { codeId: r(codeId) }),
        ...(caseId !== undefined && { caseId: r(caseId) }),
        ...(cell && { cell: { analysisId: r(cell.analysisId), row: r(cell.row), column: r(cell.column) } }),
      };
      return { ...m, projectId, id: r(m.id), links };
    }),
    coders: data.coders.map((c) => ({ ...c, projectId, id: r(c.id) })),
    // A definition names codes, cases and attributes by id; its other strings (titles, notes) never equal a GUID.
    analyses: data.analyses.map((a) => ({
      ...a,
      projectId,
      id: r(a.id),
      definition: a.definition && (deep(a.definition) as typeof a.definition),
      summaries: Object.fromEntries(Object.entries(a.summaries).map(([k, v]) => [key(k), v])),
    })),
  };
}

/**
 * Stores a whole project read from a file as a new project, in one transaction: nothing of it
 * is stored if any part fails. Its GUIDs are kept, except where this store already holds the
 * same id (the same .qdpx opened twice): those get new ids, everywhere they are named.
 */
export async function addProjectFromData(db: QdaDatabase, data: ProjectData): Promise<string> {
  const all = [db.projects, db.sources, db.sourceContents, db.cases, db.attributes, db.codes, db.segments, db.memos, db.coders, db.analyses];
  return db.transaction('rw', all, async () => {
    const renamed = new Map<string, string>();
    for (const table of TABLES) {
      const rows = data[table] as { id: string }[];
      const found = await db[table].bulkGet(rows.map((r) => r.id));
      found.forEach((row, i) => row && renamed.set(rows[i].id, newId()));
    }
    if (await db.projects.get(data.project.id)) renamed.set(data.project.id, newId());
    const stored = renameIds(data, renamed);
    const projectId = stored.project.id;
    const names = new Set((await db.projects.toArray()).filter((p) => !p.deletedAt).map((p) => p.name));
    let name = stored.project.name;
    for (let n = 2; names.has(name); n++) name = `${stored.project.name} (${n})`;
    const now = nowIso();
    await db.projects.add({ ...stored.project, id: projectId, name, openedAt: now, dataVersion: CURRENT_SCHEMA_VERSION, deletedAt: undefined });
    await Promise.all([
      db.sources.bulkAdd(stored.sources),
      db.sourceContents.bulkAdd(stored.contents),
      db.cases.bulkAdd(stored.cases),
      db.attributes.bulkAdd(stored.attributes),
      db.codes.bulkAdd(stored.codes),
      db.segments.bulkAdd(stored.segments),
      db.memos.bulkAdd(stored.memos),
      db.coders.bulkAdd(stored.coders),
      db.analyses.bulkAdd(stored.analyses),
    ]);
    return projectId;
  });
}
