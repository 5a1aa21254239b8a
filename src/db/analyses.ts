import { defaultDefinition, type AnalysisDefinition } from '../analysis/definition';
import { added, removed, updated } from '../model/change';
import type { SavedAnalysis } from '../model/types';
import { newId, nowIso } from '../util/id';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

/** Saves a new analysis definition in the project (undoable). */
export async function createAnalysis(db: QdaDatabase, projectId: string, name: string, definition: AnalysisDefinition): Promise<SavedAnalysis> {
  const now = nowIso();
  const analysis: SavedAnalysis = {
    id: newId(),
    projectId,
    name: name.trim() || 'Analysis',
    type: definition.type,
    definition,
    summaries: {},
    createdAt: now,
    updatedAt: now,
  };
  await commitChanges(db, projectId, step('history.newAnalysis', { name: analysis.name }), [added('analyses', analysis.id, analysis)]);
  return analysis;
}

export async function updateAnalysis(db: QdaDatabase, id: string, patch: { name?: string; definition?: AnalysisDefinition }, options: { session?: string } = {}): Promise<void> {
  await db.transaction('rw', db.analyses, db.undoLog, async () => {
    const a = await db.analyses.get(id);
    if (!a) return;
    const next: SavedAnalysis = {
      ...a,
      name: patch.name?.trim() || a.name,
      ...(patch.definition ? { definition: patch.definition, type: patch.definition.type } : {}),
      updatedAt: nowIso(),
    };
    await commitChanges(db, a.projectId, step('history.changeAnalysis', { name: a.name }), [updated('analyses', id, a, next)], options);
  });
}

/** Writes the researcher's summary of one matrix cell (empty removes it); one undo step. */
export async function setCellSummary(db: QdaDatabase, id: string, cell: string, summary: string, options: { session?: string } = {}): Promise<void> {
  await db.transaction('rw', db.analyses, db.undoLog, async () => {
    const a = await db.analyses.get(id);
    if (!a || (a.summaries[cell] ?? '') === summary.trim()) return;
    const summaries = { ...a.summaries };
    if (summary.trim()) summaries[cell] = summary.trim();
    else delete summaries[cell];
    await commitChanges(db, a.projectId, step('history.cellSummary', { name: a.name }), [updated('analyses', id, a, { ...a, summaries, updatedAt: nowIso() })], options);
  });
}

export async function deleteAnalysis(db: QdaDatabase, id: string): Promise<void> {
  const a = await db.analyses.get(id);
  if (a) await commitChanges(db, a.projectId, step('history.deleteAnalysis', { name: a.name }), [removed('analyses', id, a)]);
}

/**
 * The project's intercoder agreement analysis: the one changed last, or a first one (named
 * `name`) comparing the coders who have coded.
 */
export async function agreementAnalysis(db: QdaDatabase, projectId: string, name: string): Promise<SavedAnalysis> {
  const existing = (await db.analyses.where('projectId').equals(projectId).toArray())
    .filter((a) => a.type === 'agreement')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (existing) return existing;
  const [coders, segments] = await Promise.all([db.coders.where('projectId').equals(projectId).toArray(), db.segments.where('projectId').equals(projectId).toArray()]);
  return createAnalysis(db, projectId, name, defaultDefinition('agreement', { codes: [], attributes: [], coders, segments }));
}
