import Dexie from 'dexie';
import { ResearcherError } from '../model/errors';
import { coerceAttributeValue } from '../import/attribute-values';
import { planAttributes } from './attribute-plan';
import { isPackedSource, type PackedImportedSource } from '../import/packed-result';
import type { ImportedCase, ImportedSource } from '../import/result';
import { guessSourceKind } from '../import/source-kind';
import { fileNameTokens, looseCaseKey } from '../import/case-name';
import { caseLinkChanges, type CaseLink } from '../coding/case-links';
import { added, lazyAdded, removed, updated, type Change } from '../model/change';
import type { Attribute, Case, Source, SourceContent } from '../model/types';
import { commitChanges, readUndoTail, step, writeUndoSteps, type StepLabel } from './changes';
import { newId, nowIso } from '../util/id';
import type { PackedSourceContent } from './content-packing';
import type { QdaDatabase } from './database';

export interface AddSourcesOptions {
  /** Kind for every source of this file; guessed from the file name when absent. */
  kind?: string;
  /** Case to link: a name, `null` for none, or absent to use the importer's suggestion. */
  caseName?: string | null;
  date?: string;
}

export type AddSourcesOutcome = { status: 'added'; sources: Source[]; casesCreated: number } | { status: 'duplicate'; existing: Source };

/** What one file produced; from a worker or another process its offsets come packed. */
export interface ImportedFile {
  sources: (ImportedSource | PackedImportedSource)[];
  cases: ImportedCase[];
}

/**
 * Stores what one file produced (one source, or a survey's many) in a single transaction:
 * a file already in the project (same sha-256) is reported and nothing is written.
 */
export async function addImportedSources(db: QdaDatabase, projectId: string, imported: ImportedFile, options: AddSourcesOptions = {}): Promise<AddSourcesOutcome> {
  const [outcome] = await addImportedFiles(db, projectId, [{ imported, options }]);
  return outcome;
}

/**
 * The files a researcher imported together (chose or dropped at once): one undo step,
 * however many transactions store them. Without it, each file is a step of its own.
 */
export interface ImportBatch {
  id: string;
  label: StepLabel;
}

/**
 * The project's sources and cases as a batch's last transaction left them, and the history
 * step it wrote. Every other change to sources and cases is a step of its own (or undoes
 * this one), so while the batch's step is still the newest and not undone, the next group
 * can skip reading every source and case again (a folder of 500 transcripts read them
 * eight times).
 */
interface BatchSnapshot {
  db: QdaDatabase;
  projectId: string;
  step: number;
  sources: Source[];
  cases: Case[];
}
const snapshots = new WeakMap<ImportBatch, BatchSnapshot>();

/** How the history names an import: the file, or how many files were chosen. */
export function importStepLabel(fileNames: string[]): StepLabel {
  return fileNames.length === 1 ? step('history.import', { name: fileNames[0] }) : step('history.importFiles', { count: fileNames.length });
}

/**
 * Stores several imported files in one transaction (a batch commits them in groups, which
 * is several times faster than a transaction each): each file is stored whole or not at
 * all, and a file whose content is already in the project, or earlier in the group, is
 * reported as a duplicate.
 */
export async function addImportedFiles(
  db: QdaDatabase,
  projectId: string,
  files: { imported: ImportedFile; options?: AddSourcesOptions }[],
  batch?: ImportBatch,
): Promise<AddSourcesOutcome[]> {
  for (const f of files) if (f.imported.sources.length === 0) throw new ResearcherError('error.nothingToStore');
  return db.transaction('rw', [db.projects, db.sources, db.sourceContents, db.cases, db.attributes, db.undoLog], async () => {
    const caseNameOf = (s: Pick<ImportedSource, 'suggestedCase'>, o: AddSourcesOptions) => (o.caseName === undefined ? s.suggestedCase : o.caseName)?.trim();
    // Every read goes out at once and every write at once: each IndexedDB round trip costs time.
    const [project, undoTail] = await Promise.all([db.projects.get(projectId), readUndoTail(db, projectId)]);
    if (!project) throw new ResearcherError('error.projectGone');
    const snapshot = batch && snapshots.get(batch);
    const unchanged = snapshot && snapshot.db === db && snapshot.projectId === projectId && undoTail.newest?.seq === snapshot.step && !undoTail.newest.undone;
    const [existingSources, found] = unchanged
      ? // Copies: a case's values change below, and this transaction may yet fail.
        [snapshot.sources, snapshot.cases.map((c) => ({ ...c }))]
      : await Promise.all([
          // The project's sources, read once: their contents (sha-256) and names are checked below.
          db.sources.where('projectId').equals(projectId).toArray(),
          // A project's cases are few and small: one read for all beats a read per name (and a
          // file that suggests none may still name one the project has).
          db.cases.where('projectId').equals(projectId).toArray(),
        ]);

    const bySha = new Map(existingSources.map((s) => [s.sha256, s]));
    // Two sources of one name would make citations ambiguous: a second "P1" becomes "P1 (2)".
    const takenNames = new Set(existingSources.map((s) => s.name.toLowerCase()));
    const uniqueName = (name: string) => {
      let candidate = name;
      for (let k = 2; takenNames.has(candidate.toLowerCase()); k++) candidate = `${name} (${k})`;
      takenNames.add(candidate.toLowerCase());
      return candidate;
    };
    const caseByName = new Map(found.map((c) => [c.name, c]));
    // A suggestion written another way ("P01" for the case "P1", "Madre2" for "Madre 2") finds its case when it names one only.
    const caseByKey = new Map<string, Case | null>();
    for (const c of found) caseByKey.set(looseCaseKey(c.name), caseByKey.has(looseCaseKey(c.name)) ? null : c);
    /** A case the project already has that a file's name names (alone, or a word with its number): "notas_ARIII.txt", "madre_2.txt". */
    const existingCaseIn = (fileName: string): string | undefined => {
      const tokens = fileNameTokens(fileName);
      const named = new Set<Case>();
      tokens.forEach((t, i) => {
        for (const candidate of [t, `${t}${tokens[i + 1] ?? ''}`]) {
          const kase = caseByKey.get(looseCaseKey(candidate));
          if (kase) named.add(kase);
        }
      });
      return named.size === 1 ? [...named][0].name : undefined;
    };
    const changed = new Set<Case>();
    const allSources: Source[] = [];
    const allContents: (SourceContent | PackedSourceContent)[] = [];
    const outcomes: AddSourcesOutcome[] = [];
    const steps: { label: StepLabel; changes: Change[] }[] = [];

    for (const { imported, options = {} } of files) {
      const sha256 = imported.sources[0].sha256;
      const existing = bySha.get(sha256);
      if (existing) {
        outcomes.push({ status: 'duplicate', existing });
        continue;
      }
      let casesCreated = 0;
      const attributeChanges: Change[] = [];
      // Each file is an undo step (or part of its batch's): what its cases were before it, and what it added.
      const caseBefore = new Map<string, Case | undefined>();
      const remember = (kase: Case, isNew: boolean) => {
        if (!caseBefore.has(kase.id)) caseBefore.set(kase.id, isNew ? undefined : { ...kase, values: { ...kase.values } });
      };
      const caseFor = (name: string): Case => {
        let kase = caseByName.get(name) ?? caseByKey.get(looseCaseKey(name)) ?? undefined;
        if (!kase) {
          kase = { id: newId(), projectId, name, description: '', values: {} };
          caseByName.set(name, kase);
          caseByKey.set(looseCaseKey(name), caseByKey.has(looseCaseKey(name)) ? null : kase);
          changed.add(kase);
          casesCreated++;
          remember(kase, true);
        }
        return kase;
      };
      if (imported.cases.length > 0) {
        const plan = planAttributes(await db.attributes.where('projectId').equals(projectId).toArray(), projectId, imported.cases);
        await db.attributes.bulkPut(plan.changes.map((c) => c.after as Attribute));
        attributeChanges.push(...plan.changes);
        for (const c of imported.cases) {
          const kase = caseFor(c.name.trim());
          remember(kase, false);
          for (const [name, raw] of Object.entries(c.values)) {
            const attr = plan.byColumn.get(name);
            if (attr) kase.values = { ...kase.values, [attr.id]: coerceAttributeValue(attr.type, raw) };
          }
          changed.add(kase);
        }
      }
      const sources: Source[] = imported.sources.map((s) => {
        const caseName = caseNameOf(s, options) ?? (options.caseName === undefined ? existingCaseIn(s.originalFileName) : undefined);
        return {
          id: newId(),
          projectId,
          name: uniqueName(s.name),
          kind: options.kind ?? s.suggestedKind ?? guessSourceKind(s.originalFileName, project.sourceKinds),
          originalFileName: s.originalFileName,
          format: s.format,
          sha256: s.sha256,
          encoding: s.encoding,
          date: options.date ?? s.suggestedDate,
          language: s.language ?? 'und',
          words: s.words,
          caseIds: caseName ? [caseFor(caseName).id] : [],
          importedAt: nowIso(),
          warnings: s.warnings,
        };
      });
      imported.sources.forEach((s, i) => {
        const row = { sourceId: sources[i].id, projectId, text: s.text, annotations: s.annotations, ...(s.headings?.length ? { headings: s.headings } : {}) };
        // Offsets as they came, plain or packed (the store packs plain ones); the two branches
        // only tell the type checker that a row is all one or all the other.
        allContents.push(isPackedSource(s) ? { ...row, paragraphs: s.paragraphs, turns: s.turns } : { ...row, paragraphs: s.paragraphs, turns: s.turns });
      });
      allSources.push(...sources);
      bySha.set(sha256, sources[0]);
      outcomes.push({ status: 'added', sources, casesCreated });
      // The rows a file adds are in the store until the step is undone, so the history keeps
      // only their keys (read back on undo, for redo) and the cases as they were before.
      steps.push({
        label: importStepLabel([imported.sources[0].originalFileName]),
        changes: [
          ...attributeChanges,
          ...[...caseBefore].map(([id, before]) => lazyAdded('cases', id, before)),
          ...sources.flatMap((x) => [lazyAdded('sources', x.id), lazyAdded('sourceContents', x.id)]),
        ],
      });
    }
    const [, , , newestStep] = await Promise.all([
      db.cases.bulkPut([...changed]),
      db.sources.bulkAdd(allSources),
      db.sourceContents.bulkAdd(allContents),
      steps.length ? writeUndoSteps(db, projectId, undoTail, batch ? [{ label: batch.label, batch: batch.id, changes: steps.flatMap((x) => x.changes) }] : steps) : undefined,
    ]);
    if (batch && newestStep !== undefined) {
      const left = { db, projectId, step: newestStep, sources: [...existingSources, ...allSources], cases: [...caseByName.values()] };
      Dexie.currentTransaction.idbtrans.addEventListener('complete', () => snapshots.set(batch, left));
    }
    return outcomes;
  });
}

type SourceEdit = Partial<Pick<Source, 'name' | 'kind' | 'date' | 'language' | 'caseIds'>>;

/** Edits what a source is (name, kind, date, language, cases): one undo step. */
export async function updateSource(db: QdaDatabase, id: string, patch: SourceEdit): Promise<void> {
  if (patch.name !== undefined && !patch.name.trim()) throw new ResearcherError('error.sourceName');
  await db.transaction('rw', [db.sources, db.undoLog], async () => {
    const source = await db.sources.get(id);
    if (!source) return;
    const after = { ...source, ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) };
    await commitChanges(db, source.projectId, sourceEditLabel(source, patch), [updated('sources', id, source, after)]);
  });
}

/** Sets the kind, date or language of several sources at once (forty phone interviews): one undo step. */
export async function updateSources(db: QdaDatabase, ids: string[], patch: Partial<Pick<Source, 'kind' | 'date' | 'language'>>): Promise<void> {
  if (ids.length === 1) return updateSource(db, ids[0], patch);
  await db.transaction('rw', [db.sources, db.undoLog], async () => {
    const sources = (await db.sources.bulkGet(ids)).filter((s): s is Source => !!s);
    if (sources.length === 0) return;
    const field = patch.kind !== undefined ? 'kind' : patch.date !== undefined ? 'date' : 'language';
    await commitChanges(
      db,
      sources[0].projectId,
      step(`history.sources.${field}`, { count: sources.length }),
      sources.map((s) => updated('sources', s.id, s, { ...s, ...patch })),
    );
  });
}

function sourceEditLabel(source: Source, patch: SourceEdit): StepLabel {
  const key =
    patch.name !== undefined
      ? 'history.renameSource'
      : patch.caseIds !== undefined
        ? 'history.sourceCases'
        : patch.kind !== undefined
          ? 'history.sourceKind'
          : patch.date !== undefined
            ? 'history.sourceDate'
            : 'history.sourceLanguage';
  return step(key, { name: source.name });
}

/** Links a source to a case by name, creating the case if the project has none of that name: one undo step. */
export async function linkSourceToCase(db: QdaDatabase, sourceId: string, caseName: string): Promise<void> {
  const name = caseName.trim();
  if (!name) throw new ResearcherError('error.caseName');
  await db.transaction('rw', [db.sources, db.cases, db.undoLog], async () => {
    const source = await db.sources.get(sourceId);
    if (!source) return;
    const existing = await db.cases.where('[projectId+name]').equals([source.projectId, name]).first();
    const kase: Case = existing ?? { id: newId(), projectId: source.projectId, name, description: '', values: {} };
    if (source.caseIds.includes(kase.id)) return;
    await commitChanges(db, source.projectId, step('history.linkCase', { source: source.name, case: name }), [
      ...(existing ? [] : [added('cases', kase.id, kase)]),
      updated('sources', sourceId, source, { ...source, caseIds: [...source.caseIds, kase.id] }),
    ]);
  });
}

/** Removes a source with its text, every coding on it and their memos: one undo step. */
export async function deleteSource(db: QdaDatabase, id: string): Promise<void> {
  const [source, content, segments] = await Promise.all([db.sources.get(id), db.sourceContents.get(id), db.segments.where('sourceId').equals(id).toArray()]);
  if (!source) return;
  const segmentIds = new Set(segments.map((s) => s.id));
  const memos = await db.memos
    .where('projectId')
    .equals(source.projectId)
    .filter((m) => m.links.sourceId === id || (!!m.links.segmentId && segmentIds.has(m.links.segmentId)))
    .toArray();
  await commitChanges(db, source.projectId, step('history.deleteSource', { name: source.name }), [
    ...memos.map((m) => removed('memos', m.id, m)),
    ...segments.map((s) => removed('segments', s.id, s)),
    ...(content ? [removed('sourceContents', id, content)] : []),
    removed('sources', id, source),
  ]);
}

/** Links many sources to their cases at once (the "Link to cases" table after an import): one undo step. */
export async function linkSourcesToCases(db: QdaDatabase, projectId: string, links: CaseLink[]): Promise<number> {
  return db.transaction('rw', [db.sources, db.cases, db.undoLog], async () => {
    const [sources, cases] = await Promise.all([db.sources.bulkGet(links.map((l) => l.sourceId)), db.cases.where('projectId').equals(projectId).toArray()]);
    const changes = caseLinkChanges(
      projectId,
      sources.filter((s): s is Source => !!s && s.projectId === projectId),
      cases,
      links,
    );
    if (!changes.length) return 0;
    await commitChanges(db, projectId, step('history.linkCases', { count: changes.filter((c) => c.table === 'sources').length }), changes);
    return changes.filter((c) => c.table === 'sources').length;
  });
}
