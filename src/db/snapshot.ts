import type { ProjectData } from '../model/types';
import type { QdaDatabase } from './database';

/** Loads one project as a plain snapshot: what every analysis and exporter takes. */
export async function loadProjectData(db: QdaDatabase, projectId: string): Promise<ProjectData> {
  const tables = [db.projects, db.sources, db.sourceContents, db.cases, db.attributes, db.codes, db.segments, db.memos, db.coders, db.analyses];
  return db.transaction('r', tables, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('The project does not exist.');
    const of = <T>(t: { where(k: string): { equals(v: string): { toArray(): Promise<T[]> } } }) => t.where('projectId').equals(projectId).toArray();
    const [sources, contents, cases, attributes, codes, segments, memos, coders, analyses] = await Promise.all([
      of(db.sources), of(db.sourceContents), of(db.cases), of(db.attributes), of(db.codes), of(db.segments), of(db.memos), of(db.coders), of(db.analyses),
    ]);
    return { project, sources, contents, cases, attributes, codes, segments, memos, coders, analyses } as ProjectData;
  });
}
