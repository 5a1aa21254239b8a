import { updated, type Change } from '../model/change';
import { ResearcherError } from '../model/errors';
import { DEFAULT_CITATION_PATTERN, DEFAULT_SOURCE_KINDS, type Project } from '../model/types';
import { newId, nowIso } from '../util/id';
import { commitChanges, step, type StepLabel } from './changes';
import type { QdaDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, PROJECT_TABLES } from './schema';

export interface ProjectSummary extends Project {
  sourceCount: number;
}

/** What deleting a project would lose, so the confirmation can name it. */
export interface ProjectContents {
  sources: number;
  cases: number;
  codes: number;
  segments: number;
  memos: number;
}

export async function createProject(db: QdaDatabase, name: string): Promise<Project> {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.projectName');
  const now = nowIso();
  const project: Project = {
    id: newId(),
    name: trimmed,
    createdAt: now,
    openedAt: now,
    sourceKinds: [...DEFAULT_SOURCE_KINDS],
    citationPattern: DEFAULT_CITATION_PATTERN,
    dataVersion: CURRENT_SCHEMA_VERSION,
  };
  await db.projects.add(project);
  return project;
}

/** Projects, most recently opened first, with how many sources each holds (those in the trash apart). */
export async function listProjects(db: QdaDatabase, which: 'open' | 'trash' = 'open'): Promise<ProjectSummary[]> {
  return db.transaction('r', db.projects, db.sources, async () => {
    const projects = (await db.projects.orderBy('openedAt').reverse().toArray()).filter((p) => (which === 'trash') === !!p.deletedAt);
    return Promise.all(projects.map(async (p) => ({ ...p, sourceCount: await db.sources.where('projectId').equals(p.id).count() })));
  });
}

/** How long a project stays in the trash before it is deleted for good. */
export const TRASH_DAYS = 30;

/** Moves a project to the trash: it leaves the list, every row kept, restorable for TRASH_DAYS. */
export async function moveProjectToTrash(db: QdaDatabase, id: string, now = nowIso()): Promise<void> {
  await db.projects.update(id, { deletedAt: now });
}

export async function restoreProject(db: QdaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.projects, async () => {
    const project = await db.projects.get(id);
    if (!project) return;
    const { deletedAt: _, ...kept } = project;
    await db.projects.put(kept);
  });
}

/** The day a project in the trash will be deleted for good. */
export function purgeDate(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + TRASH_DAYS * 86_400_000).toISOString();
}

/** Deletes for good the projects that have been in the trash longer than TRASH_DAYS; returns how many. */
export async function emptyExpiredTrash(db: QdaDatabase, now = nowIso()): Promise<number> {
  const expired = (await db.projects.toArray()).filter((p) => p.deletedAt && purgeDate(p.deletedAt) <= now);
  for (const p of expired) await deleteProject(db, p.id);
  return expired.length;
}

export async function renameProject(db: QdaDatabase, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.projectName');
  await db.projects.update(id, { name: trimmed });
}

export async function markProjectOpened(db: QdaDatabase, id: string): Promise<void> {
  await db.projects.update(id, { openedAt: nowIso() });
}

/** Changes the project's source kinds, citation pattern or search thesaurus: one undo step. */
export async function updateProjectSettings(
  db: QdaDatabase,
  id: string,
  patch: Partial<Pick<Project, 'sourceKinds' | 'citationPattern' | 'thesaurus'>>,
  options: { session?: string } = {},
): Promise<void> {
  if (patch.sourceKinds) {
    const kinds = [...new Set(patch.sourceKinds.map((k) => k.trim()).filter(Boolean))];
    if (kinds.length === 0) throw new ResearcherError('error.keepOneKind');
    patch = { ...patch, sourceKinds: kinds };
  }
  await editProject(
    db,
    id,
    step(patch.citationPattern !== undefined ? 'history.citationPattern' : patch.thesaurus !== undefined ? 'history.thesaurus' : 'history.sourceKinds'),
    (project) => [updated('projects', id, project, { ...project, ...patch })],
    options,
  );
}

/**
 * Reads the project, lets `changesOf` work out what an edit of its settings changes
 * (the project row, and the sources that follow a renamed kind), and commits it as one
 * undo step.
 */
async function editProject(
  db: QdaDatabase,
  id: string,
  label: StepLabel,
  changesOf: (project: Project) => Change[] | Promise<Change[]>,
  options: { session?: string } = {},
): Promise<void> {
  await db.transaction('rw', [db.projects, db.sources, db.undoLog], async () => {
    const project = await db.projects.get(id);
    if (!project) return;
    await commitChanges(db, id, label, await changesOf(project), options);
  });
}

/** The changes that move every source of one kind to another. */
async function sourcesOfKindTo(db: QdaDatabase, projectId: string, from: string, to: string): Promise<Change[]> {
  const sources = await db.sources
    .where('projectId')
    .equals(projectId)
    .filter((s) => s.kind === from)
    .toArray();
  return sources.map((s) => updated('sources', s.id, s, { ...s, kind: to }));
}

export async function describeProjectContents(db: QdaDatabase, id: string): Promise<ProjectContents> {
  const count = (table: 'sources' | 'cases' | 'codes' | 'segments' | 'memos') => db[table].where('projectId').equals(id).count();
  const [sources, cases, codes, segments, memos] = await Promise.all([count('sources'), count('cases'), count('codes'), count('segments'), count('memos')]);
  return { sources, cases, codes, segments, memos };
}

/** Deletes a project and every row that belongs to it, in one transaction (for good: the trash is moveProjectToTrash). */
export async function deleteProject(db: QdaDatabase, id: string): Promise<void> {
  const tables = [db.projects, db.undoLog, ...PROJECT_TABLES.map((t) => db[t])];
  await db.transaction('rw', tables, async () => {
    for (const t of PROJECT_TABLES) await db[t].where('projectId').equals(id).delete();
    await db.undoLog.where('projectId').equals(id).delete();
    await db.projects.delete(id);
  });
}

/** Adds a source kind to the project's list (e.g. "focus group", "court report"). */
export async function addSourceKind(db: QdaDatabase, projectId: string, kind: string): Promise<void> {
  const name = kind.trim();
  if (!name) throw new ResearcherError('error.kindName');
  await editProject(db, projectId, step('history.addKind', { kind: name }), (project) => {
    if (project.sourceKinds.some((k) => k.toLowerCase() === name.toLowerCase())) throw new ResearcherError('error.kindExists', { name });
    return [updated('projects', projectId, project, { ...project, sourceKinds: [...project.sourceKinds, name] })];
  });
}

/** Renames a kind in the list and on every source of that kind, in one transaction. */
export async function renameSourceKind(db: QdaDatabase, projectId: string, from: string, to: string): Promise<void> {
  const name = to.trim();
  if (!name) throw new ResearcherError('error.kindName');
  if (name === from) return;
  await editProject(db, projectId, step('history.renameKind', { kind: from }), async (project) => {
    if (project.sourceKinds.some((k) => k !== from && k.toLowerCase() === name.toLowerCase())) throw new ResearcherError('error.kindExists', { name });
    return [
      updated('projects', projectId, project, { ...project, sourceKinds: project.sourceKinds.map((k) => (k === from ? name : k)) }),
      ...(await sourcesOfKindTo(db, projectId, from, name)),
    ];
  });
}

/** Removes a kind; the sources of that kind take the replacement kind. */
export async function removeSourceKind(db: QdaDatabase, projectId: string, kind: string, replacement: string): Promise<void> {
  await editProject(db, projectId, step('history.removeKind', { kind }), async (project) => {
    const rest = project.sourceKinds.filter((k) => k !== kind);
    if (rest.length === 0) throw new ResearcherError('error.keepOneKind');
    if (!rest.includes(replacement)) throw new ResearcherError('error.notAKind', { name: replacement });
    return [updated('projects', projectId, project, { ...project, sourceKinds: rest }), ...(await sourcesOfKindTo(db, projectId, kind, replacement))];
  });
}

/** How many sources of each kind, for the kinds editor. */
export async function countSourcesByKind(db: QdaDatabase, projectId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.sources
    .where('projectId')
    .equals(projectId)
    .each((s) => counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1));
  return counts;
}
