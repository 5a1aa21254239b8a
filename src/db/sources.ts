import { coerceAttributeValue, inferAttributeType } from '../import/attribute-values';
import type { ImportedCase, ImportedSource } from '../import/result';
import { guessSourceKind } from '../import/source-kind';
import type { Attribute, Case, Source, SourceContent } from '../model/types';
import { newId, nowIso } from '../util/id';
import type { QdaDatabase } from './database';

export interface AddSourcesOptions {
  /** Kind for every source of this file; guessed from the file name when absent. */
  kind?: string;
  /** Case to link: a name, `null` for none, or absent to use the importer's suggestion. */
  caseName?: string | null;
  date?: string;
}

export type AddSourcesOutcome =
  | { status: 'added'; sources: Source[]; casesCreated: number }
  | { status: 'duplicate'; existing: Source };

/**
 * Stores what one file produced (one source, or a survey's many) in a single transaction:
 * a file already in the project (same sha-256) is reported and nothing is written.
 */
export async function addImportedSources(
  db: QdaDatabase,
  projectId: string,
  imported: { sources: ImportedSource[]; cases: ImportedCase[] },
  options: AddSourcesOptions = {},
): Promise<AddSourcesOutcome> {
  if (imported.sources.length === 0) throw new Error('Nothing to store: the import produced no source.');
  const sha256 = imported.sources[0].sha256;
  return db.transaction('rw', [db.projects, db.sources, db.sourceContents, db.cases, db.attributes], async () => {
    const caseNameOf = (s: ImportedSource) => (options.caseName === undefined ? s.suggestedCase : options.caseName)?.trim();
    const firstCase = caseNameOf(imported.sources[0]);
    // Independent reads go out together: each IndexedDB round trip costs time.
    const [project, existing, knownCase] = await Promise.all([
      db.projects.get(projectId),
      db.sources.where('[projectId+sha256]').equals([projectId, sha256]).first(),
      firstCase ? db.cases.where('[projectId+name]').equals([projectId, firstCase]).first() : undefined,
    ]);
    if (!project) throw new Error('The project no longer exists.');
    if (existing) return { status: 'duplicate', existing } as const;

    let casesCreated = 0;
    const caseIdByName = new Map<string, string>();
    if (firstCase && knownCase) caseIdByName.set(firstCase, knownCase.id);
    const caseFor = async (name: string) => {
      const known = caseIdByName.get(name);
      if (known) return known;
      const { kase, created } = await findOrCreate(db, projectId, name);
      if (created) casesCreated++;
      caseIdByName.set(name, kase.id);
      return kase.id;
    };

    if (imported.cases.length > 0) {
      const attributeIds = await ensureAttributes(db, projectId, imported.cases);
      for (const c of imported.cases) {
        const id = await caseFor(c.name);
        const kase = (await db.cases.get(id))!;
        const values = { ...kase.values };
        for (const [name, raw] of Object.entries(c.values)) {
          const attr = attributeIds.get(name);
          if (attr) values[attr.id] = coerceAttributeValue(attr.type, raw);
        }
        await db.cases.update(id, { values });
      }
    }

    const sources: Source[] = [];
    const contents: SourceContent[] = [];
    for (const s of imported.sources) {
      const caseName = caseNameOf(s);
      const caseIds = caseName ? [await caseFor(caseName)] : [];
      const source: Source = {
        id: newId(),
        projectId,
        name: s.name,
        kind: options.kind ?? s.suggestedKind ?? guessSourceKind(s.originalFileName, project.sourceKinds),
        originalFileName: s.originalFileName,
        format: s.format,
        sha256: s.sha256,
        encoding: s.encoding,
        date: options.date,
        language: s.language ?? 'und',
        words: s.words,
        caseIds,
        importedAt: nowIso(),
        warnings: s.warnings,
      };
      sources.push(source);
      contents.push({ sourceId: source.id, projectId, text: s.text, paragraphs: s.paragraphs, turns: s.turns, annotations: s.annotations });
    }
    await Promise.all([db.sources.bulkAdd(sources), db.sourceContents.bulkAdd(contents)]);
    return { status: 'added', sources, casesCreated } as const;
  });
}

async function findOrCreate(db: QdaDatabase, projectId: string, name: string): Promise<{ kase: Case; created: boolean }> {
  const found = await db.cases.where('[projectId+name]').equals([projectId, name]).first();
  if (found) return { kase: found, created: false };
  const kase: Case = { id: newId(), projectId, name, description: '', values: {} };
  await db.cases.add(kase);
  return { kase, created: true };
}

export async function findOrCreateCase(db: QdaDatabase, projectId: string, name: string): Promise<Case> {
  return (await findOrCreate(db, projectId, name)).kase;
}

/** Finds attributes by name, creating missing ones with a type read from the values. */
export async function ensureAttributes(db: QdaDatabase, projectId: string, cases: ImportedCase[]): Promise<Map<string, Attribute>> {
  const names = [...new Set(cases.flatMap((c) => Object.keys(c.values)))];
  const existing = await db.attributes.where('projectId').equals(projectId).toArray();
  const byName = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
  const out = new Map<string, Attribute>();
  let order = existing.length;
  for (const name of names) {
    let attr = byName.get(name.toLowerCase());
    if (!attr) {
      const { type, categories } = inferAttributeType(cases.map((c) => c.values[name] ?? ''));
      attr = { id: newId(), projectId, name, type, values: categories, order: order++ };
      await db.attributes.add(attr);
    } else if (attr.type === 'category') {
      const extra = cases.map((c) => (c.values[name] ?? '').trim()).filter((v) => v && !attr!.values.includes(v));
      if (extra.length) {
        attr = { ...attr, values: [...attr.values, ...new Set(extra)] };
        await db.attributes.put(attr);
      }
    }
    out.set(name, attr);
  }
  return out;
}

export async function updateSource(db: QdaDatabase, id: string, patch: Partial<Pick<Source, 'name' | 'kind' | 'date' | 'language' | 'caseIds'>>): Promise<void> {
  if (patch.name !== undefined && !patch.name.trim()) throw new Error('A source needs a name.');
  await db.sources.update(id, patch);
}

/** Removes a source with its text and every coding on it. */
export async function deleteSource(db: QdaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.sources, db.sourceContents, db.segments, async () => {
    await db.segments.where('sourceId').equals(id).delete();
    await db.sourceContents.delete(id);
    await db.sources.delete(id);
  });
}
