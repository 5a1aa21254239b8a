import { importSource } from '../import';
import { ResearcherError } from '../model/errors';
import { matchClassification } from '../import/classification';
import { readCsvTable } from '../import/csv-table';
import type { QdaDatabase } from './database';
import { applyClassification } from './cases';
import { createProject, updateProjectSettings } from './projects';
import { addImportedSources } from './sources';
import { workTheSample, type WorkedSample } from './sample-worked';
import type { Locale } from '../i18n';

/** fixtures/sample/sample.json: which files make the sample project, and how. */
export interface SampleManifest {
  name: string;
  citationPattern: string;
  classification: string;
  sources: { file: string; kind: string; case: string; date: string }[];
}

export type SampleFiles = Map<string, Uint8Array>;

/**
 * Builds the sample project through the same path as a researcher's import: every file
 * goes through importSource and the store, then the classification sheet sets attributes.
 */
export async function buildSampleProject(db: QdaDatabase, manifest: SampleManifest, files: SampleFiles, options: { worked?: WorkedSample; locale?: Locale } = {}): Promise<string> {
  const project = await createProject(db, manifest.name);
  await updateProjectSettings(db, project.id, { citationPattern: manifest.citationPattern });
  for (const entry of manifest.sources) {
    const bytes = files.get(entry.file);
    if (!bytes) throw new ResearcherError('error.sampleMissing', { file: entry.file });
    const result = await importSource({ name: entry.file, bytes });
    if (!result.ok) throw new ResearcherError('error.sampleBroken', { file: entry.file, reason: result.error.message });
    await addImportedSources(db, project.id, result, { kind: entry.kind, caseName: entry.case, date: entry.date });
  }
  const sheet = files.get(manifest.classification);
  if (!sheet) throw new ResearcherError('error.sampleMissing', { file: manifest.classification });
  const table = readCsvTable(sheet);
  const cases = await db.cases.where('projectId').equals(project.id).toArray();
  const match = matchClassification(
    table,
    cases.map((c) => c.name),
  );
  await applyClassification(db, project.id, table, match, true);
  if (options.worked) await workTheSample(db, project.id, options.worked, options.locale ?? 'en');
  // The sample opens as a project does the first time: nothing to undo yet.
  await db.undoLog.where('projectId').equals(project.id).delete();
  return project.id;
}
