import { flattenTree } from '../coding/codes';
import { nextCoderColor } from '../coding/current-coder';
import { inEnglish, type Translator } from '../i18n';
import { added, type Change } from '../model/change';
import type { Attribute, AttributeValue, Case, Code, Coder, Memo, MemoLinks, ProjectData, SavedAnalysis, Segment, Source } from '../model/types';
import { newId } from '../util/id';
import { alignTexts, placeRange, type SharedBlock } from './text-diff';

/**
 * Merging a colleague's copy of the project (their .qdpx, read as project data) into ours:
 * what matches, what is new, what conflicts. Nothing of ours is overwritten and nothing is
 * added twice, so merging the same copy again changes nothing.
 */

/** A name match waits for the researcher's yes: two sources or codes may share a name and be different things. */
export interface NameMatch<T> {
  theirs: T;
  ours: T;
}

export interface MergeProposal {
  sources: NameMatch<Source>[];
  codes: NameMatch<Code>[];
  /** None of their sources is one of ours (by GUID or content) though both have sources: perhaps another project. */
  unrelated: boolean;
}

/** The name matches the researcher accepted (their ids); the others are added as new. */
export interface MergeConfirmations {
  sources: Set<string>;
  codes: Set<string>;
}

export interface UnplacedSegment {
  source: string;
  code: string;
  coder: string;
  text: string;
}

export interface ValueConflict {
  case: string;
  attribute: string;
  ours: string;
  theirs: string;
}

/** A codebook entry both copies wrote, differently. */
export interface EntryConflict {
  code: string;
  field: CodeField;
  ours: string;
  theirs: string;
}

export type CodeField = 'name' | 'description' | 'inclusion' | 'exclusion' | 'example';
const CODE_FIELDS: readonly CodeField[] = ['description', 'inclusion', 'exclusion', 'example'];

export interface MergeReport {
  /** `linked`: sources both copies hold that they linked to a case we had not. */
  sources: { added: number; byGuid: number; byHash: number; byName: number; textChanged: string[]; linked: number };
  codes: { added: number; byGuid: number; byName: number; /** codebook entries only they had written */ filled: number; conflicts: EntryConflict[] };
  coders: { added: string[]; matched: number; sameName: string[] };
  cases: { added: number; matched: number };
  segments: { added: number; alreadyHere: number; moved: number; unplaced: UnplacedSegment[] };
  memos: { added: number; alreadyHere: number; conflicts: string[] };
  values: { added: number; conflicts: ValueConflict[] };
  analyses: { added: number };
}

export interface MergeResult {
  changes: Change[];
  report: MergeReport;
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** The name matches to confirm before merging: sources not matched by GUID or content, codes not matched by GUID. */
export function proposeMerge(ours: ProjectData, theirs: ProjectData): MergeProposal {
  const all = { sources: new Set(theirs.sources.map((s) => s.id)), codes: new Set(theirs.codes.map((c) => c.id)) };
  const m = match(ours, theirs, all);
  const { byGuid, byHash } = m.report.sources;
  return { sources: m.sourceNameMatches, codes: m.codeNameMatches, unrelated: ours.sources.length > 0 && theirs.sources.length > 0 && byGuid + byHash === 0 };
}

/** How their rows map onto ours: their id → our id (for matched rows, ours; for new ones, the id they get). */
interface Matching {
  source: Map<string, string>;
  code: Map<string, string>;
  coder: Map<string, string>;
  attribute: Map<string, string>;
  kase: Map<string, string>;
  sourceNameMatches: NameMatch<Source>[];
  codeNameMatches: NameMatch<Code>[];
  newSources: Source[];
  newCodes: Code[];
  newCoders: Coder[];
  newAttributes: Attribute[];
  newCases: Case[];
  report: MergeReport;
}

function emptyReport(): MergeReport {
  return {
    sources: { added: 0, byGuid: 0, byHash: 0, byName: 0, textChanged: [], linked: 0 },
    codes: { added: 0, byGuid: 0, byName: 0, filled: 0, conflicts: [] },
    coders: { added: [], matched: 0, sameName: [] },
    cases: { added: 0, matched: 0 },
    segments: { added: 0, alreadyHere: 0, moved: 0, unplaced: [] },
    memos: { added: 0, alreadyHere: 0, conflicts: [] },
    values: { added: 0, conflicts: [] },
    analyses: { added: 0 },
  };
}

function match(ours: ProjectData, theirs: ProjectData, confirmed: MergeConfirmations, fresh: (id: string) => string = (id) => id): Matching {
  const report = emptyReport();
  const projectId = ours.project.id;
  const m: Matching = {
    source: new Map(),
    code: new Map(),
    coder: new Map(),
    attribute: new Map(),
    kase: new Map(),
    sourceNameMatches: [],
    codeNameMatches: [],
    newSources: [],
    newCodes: [],
    newCoders: [],
    newAttributes: [],
    newCases: [],
    report,
  };

  // Coders: by GUID only. Two people may both be "Ana" on their own machines.
  const ourCoders = new Map(ours.coders.map((c) => [c.id, c]));
  for (const c of theirs.coders) {
    if (ourCoders.has(c.id)) {
      m.coder.set(c.id, c.id);
      report.coders.matched++;
      continue;
    }
    const id = fresh(c.id);
    m.coder.set(c.id, id);
    // Stripes tell coders apart by colour: a colour one of ours has already is changed.
    const all = [...ours.coders, ...m.newCoders];
    const color = all.some((o) => o.color.toLowerCase() === c.color.toLowerCase()) ? nextCoderColor(all) : c.color;
    m.newCoders.push({ ...c, id, projectId, color });
    report.coders.added.push(c.name);
    if (ours.coders.some((o) => fold(o.name) === fold(c.name))) report.coders.sameName.push(c.name);
  }

  // Attributes and cases: by GUID, then by name (a case is a person or a site: its name is its identity).
  const attributeByName = new Map(ours.attributes.map((a) => [fold(a.name), a]));
  const ourAttributes = new Set(ours.attributes.map((a) => a.id));
  for (const a of theirs.attributes) {
    const existing = ourAttributes.has(a.id) ? a.id : attributeByName.get(fold(a.name))?.id;
    if (existing) m.attribute.set(a.id, existing);
    else {
      const id = fresh(a.id);
      m.attribute.set(a.id, id);
      m.newAttributes.push({ ...a, id, projectId, order: ours.attributes.length + m.newAttributes.length });
    }
  }
  const caseByName = new Map(ours.cases.map((c) => [fold(c.name), c]));
  const ourCases = new Set(ours.cases.map((c) => c.id));
  for (const c of theirs.cases) {
    const existing = ourCases.has(c.id) ? c.id : caseByName.get(fold(c.name))?.id;
    if (existing) {
      m.kase.set(c.id, existing);
      report.cases.matched++;
    } else {
      const id = fresh(c.id);
      m.kase.set(c.id, id);
      const values = Object.fromEntries(Object.entries(c.values).map(([a, v]) => [m.attribute.get(a) ?? a, v]));
      m.newCases.push({ ...c, id, projectId, values });
      report.cases.added++;
    }
  }

  // Sources: by GUID, then by content, then by name when the researcher confirms.
  const ourSources = new Map(ours.sources.map((s) => [s.id, s]));
  const taken = new Set<string>();
  const byHash = new Map<string, Source>();
  const byName = new Map<string, Source>();
  for (const s of ours.sources) {
    if (!byHash.has(s.sha256)) byHash.set(s.sha256, s);
    if (!byName.has(fold(s.name))) byName.set(fold(s.name), s);
  }
  const theirSources = [...theirs.sources];
  for (const s of theirSources)
    if (ourSources.has(s.id)) {
      m.source.set(s.id, s.id);
      taken.add(s.id);
      report.sources.byGuid++;
    }
  // The same text is the same source, whichever tool read which file into it.
  const byText = new Map<string, Source>();
  const ourSourceById = new Map(ours.sources.map((s) => [s.id, s]));
  for (const c of ours.contents) if (!byText.has(c.text) && ourSourceById.has(c.sourceId)) byText.set(c.text, ourSourceById.get(c.sourceId)!);
  const theirText = new Map(theirs.contents.map((c) => [c.sourceId, c.text]));
  for (const s of theirSources) {
    if (m.source.has(s.id)) continue;
    const text = theirText.get(s.id);
    const same = [byHash.get(s.sha256), text === undefined ? undefined : byText.get(text)].find((x) => x && !taken.has(x.id));
    if (same) {
      m.source.set(s.id, same.id);
      taken.add(same.id);
      report.sources.byHash++;
    }
  }
  for (const s of theirSources) {
    if (m.source.has(s.id)) continue;
    const named = nameMatch(s, byName.get(fold(s.name)), taken, confirmed.sources, m.sourceNameMatches);
    if (named) {
      m.source.set(s.id, named);
      report.sources.byName++;
      continue;
    }
    const id = fresh(s.id);
    m.source.set(s.id, id);
    m.newSources.push({ ...s, id, projectId, caseIds: s.caseIds.map((c) => m.kase.get(c) ?? c) });
    report.sources.added++;
  }

  // Codes: by GUID, then by name under the same (matched) parent when confirmed; parents first.
  const ourCodes = new Map(ours.codes.map((c) => [c.id, c]));
  const codeKey = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${fold(name)}`;
  const codeByName = new Map(ours.codes.map((c) => [codeKey(c.parentId, c.name), c]));
  const takenCodes = new Set<string>();
  for (const { code } of flattenTree(theirs.codes)) {
    if (ourCodes.has(code.id)) {
      m.code.set(code.id, code.id);
      takenCodes.add(code.id);
      report.codes.byGuid++;
      continue;
    }
    const parentId = code.parentId === null ? null : (m.code.get(code.parentId) ?? null);
    const named = nameMatch(code, codeByName.get(codeKey(parentId, code.name)), takenCodes, confirmed.codes, m.codeNameMatches);
    if (named) {
      m.code.set(code.id, named);
      report.codes.byName++;
      continue;
    }
    const id = fresh(code.id);
    m.code.set(code.id, id);
    m.newCodes.push({ ...code, id, projectId, parentId, order: code.order });
    report.codes.added++;
  }
  return m;
}

/**
 * One of ours with their row's name, not yet matched: offered to the researcher, and our id
 * when they confirmed it (it is then taken); null when it is to be added as new.
 */
function nameMatch<T extends { id: string }>(theirs: T, ours: T | undefined, taken: Set<string>, confirmed: Set<string>, offered: NameMatch<T>[]): string | null {
  if (!ours || taken.has(ours.id)) return null;
  offered.push({ theirs, ours });
  if (!confirmed.has(theirs.id)) return null;
  taken.add(ours.id);
  return ours.id;
}

const valueText = (v: AttributeValue | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * The changes that merge their copy into our project (one undo step) and the report of what
 * was added, matched and in conflict. `takenIds`: ids the store holds elsewhere (another
 * project): rows given such an id get a new one. Conflicts, and coding that cannot be placed
 * on our text, are listed in the report and kept in the project in one memo, so nothing of
 * theirs is lost once the report is closed.
 */
export function mergeChanges(
  ours: ProjectData,
  theirs: ProjectData,
  confirmed: MergeConfirmations,
  options: { takenIds?: Set<string>; fileName?: string; now?: string; t?: Translator } = {},
): MergeResult {
  const t = options.t ?? inEnglish;
  const now = options.now ?? new Date().toISOString();
  const taken = options.takenIds ?? new Set<string>();
  const fresh = (id: string) => (taken.has(id) ? newId() : id);
  const m = match(ours, theirs, confirmed, fresh);
  const { report } = m;
  const projectId = ours.project.id;
  const changes: Change[] = [];
  for (const c of m.newCoders) changes.push(added('coders', c.id, c));
  for (const a of m.newAttributes) changes.push(added('attributes', a.id, a));
  for (const c of m.newCases) changes.push(added('cases', c.id, c));
  for (const c of m.newCodes) changes.push(added('codes', c.id, c));
  const theirContent = new Map(theirs.contents.map((c) => [c.sourceId, c]));
  const theirSourceOf = new Map([...m.source].map(([theirId, ourId]) => [ourId, theirId]));
  const newSourceIds = new Set(m.newSources.map((s) => s.id));
  for (const s of m.newSources) {
    changes.push(added('sources', s.id, s));
    const content = theirContent.get(theirSourceOf.get(s.id)!);
    if (content) changes.push(added('sourceContents', s.id, { ...content, sourceId: s.id, projectId }));
  }

  // Sources both hold: a case they linked a source to joins ours.
  const ourSourceById = new Map(ours.sources.map((s) => [s.id, s]));
  for (const s of theirs.sources) {
    const mine = ourSourceById.get(m.source.get(s.id)!);
    if (!mine) continue;
    const extra = s.caseIds.map((c) => m.kase.get(c) ?? c).filter((c) => !mine.caseIds.includes(c));
    if (!extra.length) continue;
    changes.push({ table: 'sources', key: mine.id, before: mine, after: { ...mine, caseIds: [...mine.caseIds, ...extra] } });
    report.sources.linked++;
  }

  // Codebook entries of codes both hold: what only they wrote is taken; two different texts are listed, ours kept.
  const ourCodeById = new Map(ours.codes.map((c) => [c.id, c]));
  for (const c of theirs.codes) {
    const mine = ourCodeById.get(m.code.get(c.id)!);
    if (!mine) continue;
    const edit: Partial<Record<CodeField, string>> = {};
    // A code they renamed keeps our name (our matrices and memos say it); theirs is listed.
    if (c.name.trim() && fold(c.name) !== fold(mine.name)) report.codes.conflicts.push({ code: mine.name, field: 'name', ours: mine.name, theirs: c.name });
    for (const field of CODE_FIELDS) {
      const theirsText = c[field].trim();
      if (!theirsText || theirsText === mine[field].trim()) continue;
      if (!mine[field].trim()) edit[field] = c[field];
      else report.codes.conflicts.push({ code: mine.name, field, ours: mine[field], theirs: c[field] });
    }
    if (Object.keys(edit).length) {
      changes.push({ table: 'codes', key: mine.id, before: mine, after: { ...mine, ...edit } });
      report.codes.filled++;
    }
  }

  // Attribute values of cases both copies hold: a value only they have is taken; two different values are a conflict.
  const ourCaseById = new Map(ours.cases.map((c) => [c.id, c]));
  const attributeName = new Map([...ours.attributes, ...m.newAttributes].map((a) => [a.id, a.name]));
  for (const c of theirs.cases) {
    const mine = ourCaseById.get(m.kase.get(c.id)!);
    if (!mine) continue;
    const values = { ...mine.values };
    let changed = false;
    for (const [theirAttribute, value] of Object.entries(c.values)) {
      const attribute = m.attribute.get(theirAttribute) ?? theirAttribute;
      if (valueText(value) === '') continue;
      const current = values[attribute];
      if (valueText(current) === '') {
        values[attribute] = value;
        changed = true;
        report.values.added++;
      } else if (valueText(current) !== valueText(value))
        report.values.conflicts.push({ case: mine.name, attribute: attributeName.get(attribute) ?? '', ours: valueText(current), theirs: valueText(value) });
    }
    if (changed) changes.push({ table: 'cases', key: mine.id, before: mine, after: { ...mine, values } });
  }

  // Segments, placed on our text where the two texts differ.
  const ourText = new Map(ours.contents.map((c) => [c.sourceId, c.text]));
  const alignments = new Map<string, SharedBlock[] | null>();
  const alignment = (theirSource: string, ourSource: string): SharedBlock[] | null => {
    if (!alignments.has(theirSource)) {
      const a = theirContent.get(theirSource)?.text;
      const b = ourText.get(ourSource);
      alignments.set(theirSource, a === undefined || b === undefined || a === b ? null : alignTexts(a, b));
      if (a !== undefined && b !== undefined && a !== b) report.sources.textChanged.push(ours.sources.find((s) => s.id === ourSource)?.name ?? '');
    }
    return alignments.get(theirSource)!;
  };
  const ourSegments = new Map(ours.segments.map((s) => [s.id, s]));
  const sameKey = (s: Pick<Segment, 'sourceId' | 'codeId' | 'coderId' | 'start' | 'end'>) => `${s.sourceId}\u0000${s.codeId}\u0000${s.coderId}\u0000${s.start}\u0000${s.end}`;
  const existingCoding = new Map(ours.segments.map((s) => [sameKey(s), s.id]));
  const segmentId = new Map<string, string>();
  const codeName = new Map(theirs.codes.map((c) => [c.id, c.name]));
  const coderName = new Map(theirs.coders.map((c) => [c.id, c.name]));
  const sourceName = new Map(theirs.sources.map((s) => [s.id, s.name]));
  for (const s of theirs.segments) {
    const sourceId = m.source.get(s.sourceId);
    const codeId = m.code.get(s.codeId);
    const coderId = m.coder.get(s.coderId);
    if (!sourceId || !codeId || !coderId) continue;
    const blocks = newSourceIds.has(sourceId) ? null : alignment(s.sourceId, sourceId);
    const at = blocks ? placeRange(blocks, s.start, s.end) : { start: s.start, end: s.end };
    if (!at) {
      report.segments.unplaced.push({
        source: sourceName.get(s.sourceId) ?? '',
        code: codeName.get(s.codeId) ?? '',
        coder: coderName.get(s.coderId) ?? '',
        text: theirContent.get(s.sourceId)?.text.slice(s.start, s.end) ?? '',
      });
      continue;
    }
    // Their segment under an id of ours but changed in their copy (moved, recoded) is kept beside ours.
    const id = ourSegments.has(s.id) ? newId() : fresh(s.id);
    const segment: Segment = { ...s, id, projectId, sourceId, codeId, coderId, start: at.start, end: at.end };
    const same = existingCoding.get(sameKey(segment));
    if (same) {
      segmentId.set(s.id, same);
      report.segments.alreadyHere++;
      continue;
    }
    if (at.start !== s.start || at.end !== s.end) report.segments.moved++;
    existingCoding.set(sameKey(segment), segment.id);
    segmentId.set(s.id, segment.id);
    changes.push(added('segments', segment.id, segment));
    report.segments.added++;
  }

  // Memos: theirs added with their links on our rows; one we hold with other words is kept beside ours.
  const ourMemos = new Map(ours.memos.map((memo) => [memo.id, memo]));
  const memoKey = (memo: Pick<Memo, 'title' | 'body' | 'links'>) =>
    JSON.stringify([memo.title, memo.body, memo.links.sourceId, memo.links.segmentId, memo.links.codeId, memo.links.caseId]);
  const memoKeys = new Set(ours.memos.map(memoKey));
  const relink = (links: MemoLinks): MemoLinks => ({
    ...(links.sourceId && { sourceId: m.source.get(links.sourceId) ?? links.sourceId }),
    ...(links.segmentId && { segmentId: segmentId.get(links.segmentId) ?? links.segmentId }),
    ...(links.codeId && { codeId: m.code.get(links.codeId) ?? links.codeId }),
    ...(links.caseId && { caseId: m.kase.get(links.caseId) ?? links.caseId }),
    ...(links.cell && { cell: links.cell }),
  });
  const addMemo = (memo: Memo) => {
    if (memoKeys.has(memoKey(memo))) return false;
    memoKeys.add(memoKey(memo));
    changes.push(added('memos', memo.id, memo));
    return true;
  };
  for (const memo of theirs.memos) {
    const links = relink(memo.links);
    const mine = ourMemos.get(memo.id);
    if (mine) {
      if (mine.title === memo.title && mine.body === memo.body) {
        report.memos.alreadyHere++;
        continue;
      }
      const copy: Memo = { ...memo, id: newId(), projectId, links, title: t('merge.theirVersion', { title: memo.title }) };
      if (addMemo(copy)) report.memos.conflicts.push(memo.title);
      else report.memos.alreadyHere++;
      continue;
    }
    if (addMemo({ ...memo, id: fresh(memo.id), projectId, links })) report.memos.added++;
    else report.memos.alreadyHere++;
  }

  // Saved analyses they made that we do not have, naming our codes, cases and attributes.
  const ourAnalyses = new Set(ours.analyses.map((a) => a.id));
  const ids = new Map([...m.code, ...m.kase, ...m.attribute, ...m.source]);
  const deep = (v: unknown): unknown =>
    typeof v === 'string'
      ? (ids.get(v) ?? v)
      : Array.isArray(v)
        ? v.map(deep)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
          : v;
  for (const a of theirs.analyses) {
    if (ourAnalyses.has(a.id)) continue;
    const analysis: SavedAnalysis = { ...a, id: fresh(a.id), projectId, definition: a.definition && (deep(a.definition) as SavedAnalysis['definition']) };
    changes.push(added('analyses', analysis.id, analysis));
    report.analyses.added++;
  }

  // What the researcher must resolve stays in the project, not only in a report that closes.
  const lines = [
    ...report.codes.conflicts.map((c) => t('merge.memo.entry', { code: c.code, field: t(`codes.${c.field}`), ours: c.ours, theirs: c.theirs })),
    ...report.values.conflicts.map((c) => t('merge.memo.value', { case: c.case, attribute: c.attribute, ours: c.ours, theirs: c.theirs })),
    ...report.segments.unplaced.map((u) => t('merge.memo.unplaced', { source: u.source, code: u.code, coder: u.coder, text: u.text })),
  ];
  if (lines.length) {
    const title = t('merge.memo.title', { file: options.fileName ?? theirs.project.name });
    addMemo({ id: newId(), projectId, title, body: lines.join('\n\n'), type: 'memo', date: now.slice(0, 10), links: {}, createdAt: now, updatedAt: now });
  }
  // Rows are added parents first: a code's parent, a segment's source and code, a memo's segment.
  return { changes, report };
}
