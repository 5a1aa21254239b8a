import type { ProjectData } from '../model/types';
import { ResearcherError } from '../model/errors';
import type { QdaDatabase } from './database';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Loads one project as a plain snapshot: what every analysis and exporter takes. */
export async function loadProjectData(db: QdaDatabase, projectId: string): Promise<ProjectData> {
  const tables = [db.projects, db.sources, db.sourceContents, db.cases, db.attributes, db.codes, db.segments, db.memos, db.coders, db.analyses];
  return db.transaction('r', tables, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new ResearcherError('error.projectGone');
    const inProject = { projectId } as const;
    const [sources, contents, cases, attributes, codes, segments, memos, coders, analyses] = await Promise.all([
      db.sources.where(inProject).toArray(),
      db.sourceContents.where(inProject).toArray(),
      db.cases.where(inProject).toArray(),
      db.attributes.where(inProject).toArray(),
      db.codes.where(inProject).toArray(),
      db.segments.where(inProject).toArray(),
      db.memos.where(inProject).toArray(),
      db.coders.where(inProject).toArray(),
      db.analyses.where(inProject).toArray(),
    ]);
    // The researcher's order where they set one, else by name, so snapshots are stable.
    attributes.sort((a, b) => a.order - b.order);
    codes.sort((a, b) => a.order - b.order || byName(a, b));
    sources.sort(byName);
    cases.sort(byName);
    return { project, sources, contents, cases, attributes, codes, segments, memos, coders, analyses };
  });
}
