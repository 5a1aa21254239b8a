import { defaultDefinition, type AnalysisDefinition } from '../analysis/definition';
import { cellKey } from '../analysis/matrix';
import type { Locale } from '../i18n';
import { ResearcherError } from '../model/errors';
import type { Memo, MemoLinks } from '../model/types';
import { createAnalysis, setCellSummary } from './analyses';
import { updateAttribute } from './cases';
import { codeText, createCode, createMemo, editCode, ensureCoder } from './coding';
import type { QdaDatabase } from './database';
import { loadProjectData } from './snapshot';

/** Text the sample gives in each interface language (its sources stay in theirs). */
type Localised = Record<Locale, string>;

interface WorkedCode {
  key: string;
  name: Localised;
  description: Localised;
  inclusion?: Localised;
  exclusion?: Localised;
  example?: Localised;
  children?: WorkedCode[];
}

type Summaries = Record<string, Record<string, Localised>>;

/** fixtures/sample/worked.json: the study done in the sample — codebook, coding, memos, analyses. */
export interface WorkedSample {
  coders: Record<string, string>;
  codes: WorkedCode[];
  /** [file, the exact words coded, code key, coder key] */
  codings: [string, string, string, string][];
  memos: { title: string; body: string; type: Memo['type']; date: string; links: { case?: string; code?: string; source?: string } }[];
  training: { attribute: string; order: string[] };
  analyses: (
    | { type: 'comparison'; name: Localised; codes: string[]; note?: Localised; summaries: Summaries }
    | { type: 'framework'; name: Localised; codes: string[]; summaries: Summaries }
    | { type: 'frequency' | 'cooccurrence' | 'agreement'; name: Localised }
  )[];
}

const broken = (file: string, reason: string) => new ResearcherError('error.sampleBroken', { file, reason });

/**
 * Does the study in the sample project through the app's own functions, as a researcher
 * would: the codebook with criteria, the coding by two coders, memos and a field note, and
 * the saved analyses (the paper's Table 1 among them), named in the interface language.
 */
export async function workTheSample(db: QdaDatabase, projectId: string, worked: WorkedSample, locale: Locale): Promise<void> {
  const coders = new Map<string, string>();
  for (const [key, name] of Object.entries(worked.coders)) coders.set(key, (await ensureCoder(db, projectId, name)).id);

  const codeIds = new Map<string, string>();
  const addCodes = async (codes: WorkedCode[], parentId: string | null) => {
    for (const c of codes) {
      const code = await createCode(db, projectId, c.name[locale], parentId);
      codeIds.set(c.key, code.id);
      await editCode(db, code.id, {
        description: c.description[locale],
        inclusion: c.inclusion?.[locale] ?? '',
        exclusion: c.exclusion?.[locale] ?? '',
        example: c.example?.[locale] ?? '',
      });
      if (c.children) await addCodes(c.children, code.id);
    }
  };
  await addCodes(worked.codes, null);
  const codeOf = (key: string) =>
    codeIds.get(key) ??
    (() => {
      throw broken('worked.json', `no code "${key}"`);
    })();

  const data = await loadProjectData(db, projectId);
  const sourceOf = (file: string) =>
    data.sources.find((s) => s.originalFileName === file) ??
    (() => {
      throw broken(file, 'not in the sample');
    })();
  for (const [file, words, code, coder] of worked.codings) {
    const source = sourceOf(file);
    const text = data.contents.find((c) => c.sourceId === source.id)?.text ?? '';
    const start = text.indexOf(words);
    if (start < 0) throw broken(file, `the words “${words.slice(0, 40)}” are not in it`);
    await codeText(db, { projectId, sourceId: source.id, codeId: codeOf(code), start, end: start + words.length, coderId: coders.get(coder)! });
  }

  const caseOf = (name: string) => data.cases.find((c) => c.name === name)?.id;
  for (const m of worked.memos) {
    const links: MemoLinks = {};
    if (m.links.case) links.caseId = caseOf(m.links.case);
    if (m.links.code) links.codeId = codeOf(m.links.code);
    if (m.links.source) links.sourceId = sourceOf(m.links.source).id;
    await createMemo(db, projectId, { title: m.title, body: m.body, type: m.type, date: m.date, links });
  }

  const training = data.attributes.find((a) => a.name === worked.training.attribute);
  if (!training) throw broken('cases.csv', `no attribute "${worked.training.attribute}"`);
  await updateAttribute(db, training.id, { categoryOrder: worked.training.order });
  const withCodes = await loadProjectData(db, projectId);
  for (const a of worked.analyses) {
    let definition: AnalysisDefinition;
    let summaryKey: (row: string, column: string) => string = cellKey;
    if (a.type === 'comparison') {
      definition = {
        type: 'comparison',
        matrix: { codeIds: a.codes.map(codeOf), includeSubcodes: false, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
        rowLabels: false,
        fallback: 'empty',
        note: a.note?.[locale],
      };
    } else if (a.type === 'framework') {
      definition = {
        type: 'framework',
        matrix: { codeIds: a.codes.map(codeOf), includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' },
        show: 'summaries and quotes',
      };
      // Cases down the side, codes across: a summary is written for (case, code).
      summaryKey = (code, kase) => cellKey(caseOf(kase) ?? kase, code);
    } else if (a.type === 'frequency') definition = { type: 'frequency', options: { rollUp: true, splitByAttributeId: training.id } };
    // The second coder's check of the first's coding: agreement of the coders who coded, by paragraph.
    else if (a.type === 'agreement') definition = defaultDefinition('agreement', withCodes);
    else definition = defaultDefinition('cooccurrence', withCodes);
    const saved = await createAnalysis(db, projectId, a.name[locale], definition);
    if ('summaries' in a)
      for (const [code, cells] of Object.entries(a.summaries))
        for (const [column, text] of Object.entries(cells)) await setCellSummary(db, saved.id, summaryKey(codeOf(code), column), text[locale]);
  }
}
