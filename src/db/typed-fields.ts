import { reconcileText } from '../editing/concurrent-text';
import type { TypedField } from '../editing/typed-field';

export type { TypedField } from '../editing/typed-field';
import { setCellSummary, updateAnalysis } from './analyses';
import { editCode, editCoder, editMemo, segmentMemoOf, setSegmentMemo } from './coding';
import type { QdaDatabase } from './database';
import { updateProjectSettings } from './projects';
import { setCaseValue } from './cases';
import type { AnalysisDefinition } from '../analysis/run';

/** A field's stored text now, or undefined when what it belongs to no longer exists. */
export async function readTypedField(db: QdaDatabase, field: TypedField): Promise<string | undefined> {
  switch (field.kind) {
    case 'memo':
      return (await db.memos.get(field.id))?.[field.field];
    case 'segmentMemo': {
      const segment = await db.segments.get(field.segmentId);
      return segment ? ((await segmentMemoOf(db, segment.projectId, segment.id))?.body ?? '') : undefined;
    }
    case 'code':
      return (await db.codes.get(field.id))?.[field.field];
    case 'cellSummary': {
      const analysis = await db.analyses.get(field.analysisId);
      return analysis ? (analysis.summaries[field.cell] ?? '') : undefined;
    }
    case 'analysisName':
      return (await db.analyses.get(field.id))?.name;
    case 'coderName':
      return (await db.coders.get(field.id))?.name;
    case 'citationPattern':
      return (await db.projects.get(field.projectId))?.citationPattern;
    case 'thesaurus': {
      const project = await db.projects.get(field.projectId);
      return project ? (project.thesaurus ?? '') : undefined;
    }
    case 'stopWords': {
      const analysis = await db.analyses.get(field.analysisId);
      return analysis ? stopWordsOf(analysis.definition).join(', ') : undefined;
    }
    case 'caseValue': {
      const [kase, attribute] = await Promise.all([db.cases.get(field.caseId), db.attributes.get(field.attributeId)]);
      if (!kase || !attribute) return undefined;
      const value = kase.values[field.attributeId];
      return value === null || value === undefined ? '' : String(value);
    }
  }
}

function stopWordsOf(definition: AnalysisDefinition | null): string[] {
  return definition?.type === 'words' ? [...(definition.options.extraStopWords ?? [])] : [];
}

export type TypedSave =
  /** What the store holds now; `conflict` when another window's text was kept beside ours. */
  | { status: 'saved'; stored: string; conflict: boolean }
  /** The memo, code or analysis was deleted meanwhile: nothing to save into. */
  | { status: 'gone' };

/**
 * Saves what the researcher typed. `base` is the field's stored text as this window last
 * saw it: if the store holds something else now, another window wrote it, and both texts
 * are kept (marked by `marker`). Saves with the same `session` are one undo step.
 */
export async function saveTypedField(db: QdaDatabase, field: TypedField, value: string, base: string, session: string, marker: string): Promise<TypedSave> {
  return db.transaction(
    'rw',
    [db.memos, db.segments, db.codes, db.coders, db.analyses, db.sourceContents, db.projects, db.sources, db.cases, db.attributes, db.undoLog],
    async () => {
      const current = await readTypedField(db, field);
      if (current === undefined) return { status: 'gone' } as const;
      // A sheet cell holds one value, not text to merge: the later edit wins.
      const { text, conflict } =
        field.kind === 'caseValue'
          ? { text: value === base ? current : value, conflict: false }
          : reconcileText(base, value, current, marker, field.kind === 'memo' ? field.field === 'title' : field.kind === 'analysisName' || field.kind === 'coderName');
      if (text !== current) await write(db, field, text, session);
      return { status: 'saved', stored: (await readTypedField(db, field)) ?? text, conflict } as const;
    },
  );
}

function write(db: QdaDatabase, field: TypedField, text: string, session: string): Promise<void> {
  const options = { session };
  switch (field.kind) {
    case 'memo':
      return editMemo(db, field.id, { [field.field]: text }, options);
    case 'segmentMemo':
      return setSegmentMemo(db, field.segmentId, text, options);
    case 'code':
      return editCode(db, field.id, { [field.field]: text }, options);
    case 'cellSummary':
      return setCellSummary(db, field.analysisId, field.cell, text, options);
    case 'analysisName':
      return updateAnalysis(db, field.id, { name: text }, options);
    case 'coderName':
      return editCoder(db, field.id, { name: text }, options);
    case 'citationPattern':
      return updateProjectSettings(db, field.projectId, { citationPattern: text }, options);
    case 'thesaurus':
      return updateProjectSettings(db, field.projectId, { thesaurus: text }, options);
    case 'stopWords':
      return (async () => {
        const analysis = await db.analyses.get(field.analysisId);
        if (!analysis) return;
        const definition = analysis.definition;
        if (definition?.type !== 'words') return;
        const extraStopWords = text
          .split(/[,\n]/)
          .map((w) => w.trim())
          .filter(Boolean);
        await updateAnalysis(db, analysis.id, { definition: { ...definition, options: { ...definition.options, extraStopWords } } }, options);
      })();
    case 'caseValue':
      return setCaseValue(db, field.caseId, field.attributeId, text).then(() => undefined);
  }
}

/** The project a field belongs to (drafts are recovered when their project opens). */
export async function projectOfTypedField(db: QdaDatabase, field: TypedField): Promise<string | undefined> {
  switch (field.kind) {
    case 'memo':
      return (await db.memos.get(field.id))?.projectId;
    case 'segmentMemo':
      return (await db.segments.get(field.segmentId))?.projectId;
    case 'code':
      return (await db.codes.get(field.id))?.projectId;
    case 'cellSummary':
      return (await db.analyses.get(field.analysisId))?.projectId;
    case 'analysisName':
      return (await db.analyses.get(field.id))?.projectId;
    case 'coderName':
      return (await db.coders.get(field.id))?.projectId;
    case 'citationPattern':
    case 'thesaurus':
      return field.projectId;
    case 'stopWords':
      return (await db.analyses.get(field.analysisId))?.projectId;
    case 'caseValue':
      return (await db.cases.get(field.caseId))?.projectId;
  }
}
