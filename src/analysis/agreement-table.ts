import { flattenTree } from '../coding/codes';
import { inEnglish, type Translator } from '../i18n';
import type { Cell, Table, TableColumn, TableRow } from '../model/table';
import { num, text } from '../model/table';
import type { Code, ProjectData } from '../model/types';
import { brennanPredigerKappa, krippendorffAlphaNominal, meanPairwiseKappa, percentAgreement, type Unit } from './agreement';
import { judgedUnits, type AgreementLevel, type JudgedUnit } from './agreement-units';

export interface AgreementOptions {
  /** Two or more coders, compared in this order. */
  coderIds: string[];
  /** The codes compared; empty: every code the coders applied. */
  codeIds: string[];
  /** The sources compared; empty: the sources every coder coded. */
  sourceIds: string[];
  level: AgreementLevel;
  /** Segment level: the share of their joint extent two segments must share to match (0–1). */
  overlap: number;
  /** Count units no coder coded with any of the codes. */
  uncoded: boolean;
}

export const DEFAULT_OVERLAP = 0.9;
/** Each coder is a bit of a pattern: more coders than this are refused with a note rather than miscounted. */
export const MAX_CODERS = 30;
/** The row of every code's decisions together. */
export const POOLED_ROW = '*';

type Data = Pick<ProjectData, 'codes' | 'coders' | 'sources' | 'contents' | 'segments'>;

/**
 * What is compared: coders, the codes in the codebook's order (each with its domain: itself
 * and the compared codes under it, so a theme's row counts coding with any of its
 * subcodes), the sources and their units.
 */
export interface AgreementScope {
  coderIds: string[];
  codes: { code: Code; depth: number; domain: Set<string> }[];
  sourceIds: string[];
  units: JudgedUnit[];
}

export function agreementScope(data: Data, options: AgreementOptions): AgreementScope {
  const coderIds = options.coderIds.filter((id) => data.coders.some((c) => c.id === id));
  const chosen = new Set(coderIds);
  const theirs = data.segments.filter((s) => chosen.has(s.coderId));
  // By default, every code the coders applied, with the themes above them.
  const codeIds = new Set(options.codeIds.length ? options.codeIds : withAncestors(data.codes, new Set(theirs.map((s) => s.codeId))));
  const codes = flattenTree(data.codes)
    .filter(({ code }) => codeIds.has(code.id))
    .map(({ code, depth }) => ({ code, depth, domain: subtree(data.codes, code.id, codeIds) }));
  const present = new Set(codes.map(({ code }) => code.id));
  let sourceIds: string[];
  if (options.sourceIds.length) sourceIds = data.sources.filter((s) => options.sourceIds.includes(s.id)).map((s) => s.id);
  else {
    const codersBySource = new Map<string, Set<string>>();
    for (const s of theirs) if (present.has(s.codeId)) (codersBySource.get(s.sourceId) ?? codersBySource.set(s.sourceId, new Set()).get(s.sourceId)!).add(s.coderId);
    sourceIds = data.sources.filter((s) => (codersBySource.get(s.id)?.size ?? 0) === coderIds.length).map((s) => s.id);
  }
  if (coderIds.length < 2 || coderIds.length > MAX_CODERS) return { coderIds, codes, sourceIds, units: [] };
  const units = judgedUnits(data, { coderIds, codeIds: present, sourceIds, level: options.level, overlap: options.overlap, uncoded: options.uncoded });
  return { coderIds, codes, sourceIds, units };
}

function withAncestors(codes: Code[], ids: Set<string>): Set<string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Set<string>();
  for (const id of ids) {
    let code = byId.get(id);
    for (let guard = 0; code && !out.has(code.id) && guard < 1000; guard++) {
      out.add(code.id);
      code = code.parentId ? byId.get(code.parentId) : undefined;
    }
  }
  return out;
}

/** Decisions on a domain of codes, folded by pattern (the bit of each coder who applied one of them) with their weight. */
type Patterns = Map<number, number>;

/** Each domain's patterns over the units; a unit where nobody applied the domain counts as all coders leaving it uncoded. */
function patternsOf(units: JudgedUnit[], domains: Map<string, Set<string>>): Map<string, Patterns> {
  const rowsOfCode = new Map<string, string[]>();
  for (const [row, domain] of domains) for (const c of domain) (rowsOfCode.get(c) ?? rowsOfCode.set(c, []).get(c)!).push(row);
  const out = new Map<string, Patterns>([...domains.keys()].map((row) => [row, new Map()]));
  let total = 0;
  for (const u of units) {
    total += u.weight;
    const bits = new Map<string, number>();
    u.codes.forEach((set, i) => {
      for (const c of set) for (const row of rowsOfCode.get(c) ?? []) bits.set(row, (bits.get(row) ?? 0) | (1 << i));
    });
    for (const [row, b] of bits) {
      const patterns = out.get(row)!;
      patterns.set(b, (patterns.get(b) ?? 0) + u.weight);
    }
  }
  for (const patterns of out.values()) {
    let coded = 0;
    for (const w of patterns.values()) coded += w;
    if (total - coded > 0) patterns.set(0, total - coded);
  }
  return out;
}

interface Coefficients {
  agreement: number | null;
  kappa: number | null;
  bp: number | null;
  alpha: number | null;
}

function binaryCoefficients(patterns: Patterns, coders: number): Coefficients {
  const units: Unit[] = [];
  const weights: number[] = [];
  for (const [bits, w] of patterns) {
    units.push(Array.from({ length: coders }, (_, i) => (bits & (1 << i)) !== 0));
    weights.push(w);
  }
  return {
    agreement: percentAgreement(units, weights),
    kappa: meanPairwiseKappa(units, coders, weights),
    bp: brennanPredigerKappa(units, 2, weights),
    alpha: krippendorffAlphaNominal(units, weights),
  };
}

/**
 * Krippendorff's α over the units at least two coders coded within a domain, the value
 * being which of the domain's codes each applied: cu-α for a theme's subcodes, Cu-α for the
 * themes themselves.
 */
function categoricalAlpha(units: JudgedUnit[], valueOf: (codes: Set<string>) => string | null): number | null {
  const folded = new Map<string, { unit: Unit; weight: number }>();
  for (const u of units) {
    const values = u.codes.map(valueOf);
    if (values.filter((v) => v !== null).length < 2) continue;
    const k = JSON.stringify(values);
    const entry = folded.get(k);
    if (entry) entry.weight += u.weight;
    else folded.set(k, { unit: values, weight: u.weight });
  }
  const entries = [...folded.values()];
  return krippendorffAlphaNominal(
    entries.map((e) => e.unit),
    entries.map((e) => e.weight),
  );
}

function valueWithin(domain: Set<string>, rootOf?: Map<string, string>) {
  return (codes: Set<string>): string | null => {
    const inside = [...codes].filter((c) => domain.has(c)).map((c) => rootOf?.get(c) ?? c);
    return inside.length ? [...new Set(inside)].sort().join('\u0000') : null;
  };
}

function subtree(codes: Code[], id: string, within: Set<string>): Set<string> {
  const out = new Set<string>();
  const walk = (parent: string) => {
    for (const c of codes)
      if (c.parentId === parent) {
        if (within.has(c.id)) out.add(c.id);
        walk(c.id);
      }
  };
  if (within.has(id)) out.add(id);
  walk(id);
  return out;
}

function rootsOf(codes: Code[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of codes) {
    let root = c;
    for (let guard = 0; root.parentId && byId.has(root.parentId) && guard < 1000; guard++) root = byId.get(root.parentId)!;
    out.set(c.id, root.id);
  }
  return out;
}

const coefficient = (value: number | null): Cell => (value === null ? text('—') : num(value, 2));
const share = (value: number | null): Cell => (value === null ? text('—') : { kind: 'number', value: Math.round(value * 1000) / 10, decimals: 1, percent: true });

/**
 * Intercoder agreement per code and pooled, as a Table: the units each coder coded with the
 * code, the units in disagreement, percent agreement, Cohen's κ (Light's mean of pairs for
 * more than two coders), Brennan–Prediger κ, Krippendorff's binary α, and cu-α for a theme
 * with subcodes (Cu-α, across themes, in the pooled row). The note states the unit, the
 * formulas and whether uncoded text counts.
 */
export function agreementTable(data: Data, options: AgreementOptions, t: Translator = inEnglish, scope = agreementScope(data, options)): Table {
  const coders = scope.coderIds.map((id) => data.coders.find((c) => c.id === id)!);
  const unitLabel = t(`agreement.unitsOf.${options.level}`);
  const columns: TableColumn[] = [
    { key: 'code', label: t('table.code') },
    ...coders.map((c) => ({ key: `coder:${c.id}`, label: c.name, group: t('agreement.codedBy', { units: unitLabel }), numeric: true })),
    { key: 'disagreements', label: t('agreement.disagreements'), numeric: true },
    { key: 'agreement', label: t('agreement.percent'), numeric: true },
    { key: 'kappa', label: coders.length > 2 ? t('agreement.lightKappa') : t('agreement.cohenKappa'), numeric: true },
    { key: 'bp', label: t('agreement.bpKappa'), numeric: true },
    { key: 'alpha', label: t('agreement.alpha'), numeric: true },
    { key: 'cuAlpha', label: t('agreement.cuAlpha'), numeric: true },
  ];
  const selected = new Set(scope.codes.map(({ code }) => code.id));
  const byRow = patternsOf(scope.units, new Map(scope.codes.map(({ code, domain }) => [code.id, domain])));
  const byCode = patternsOf(scope.units, new Map(scope.codes.map(({ code }) => [code.id, new Set([code.id])])));
  const row = (key: string, label: string, depth: number, patterns: Patterns, cu: number | null | undefined): TableRow => {
    const coded = coders.map((_, i) => [...patterns].reduce((sum, [bits, w]) => sum + (bits & (1 << i) ? w : 0), 0));
    const all = (1 << coders.length) - 1;
    const disagreements = [...patterns].reduce((sum, [bits, w]) => sum + (bits !== 0 && bits !== all ? w : 0), 0);
    const c = binaryCoefficients(patterns, coders.length);
    return {
      key,
      depth,
      cells: [
        text(label),
        ...coded.map((n) => num(n)),
        num(disagreements),
        share(c.agreement),
        coefficient(c.kappa),
        coefficient(c.bp),
        coefficient(c.alpha),
        cu === undefined ? { kind: 'empty' } : coefficient(cu),
      ],
    };
  };
  const rows: TableRow[] = [];
  if (coders.length >= 2 && coders.length <= MAX_CODERS && scope.units.length) {
    for (const { code, depth, domain } of scope.codes) {
      const cu = domain.size > 1 ? categoricalAlpha(scope.units, valueWithin(domain)) : undefined;
      rows.push(row(code.id, code.name, depth, byRow.get(code.id)!, cu));
    }
    const pooled: Patterns = new Map();
    for (const patterns of byCode.values()) for (const [bits, w] of patterns) pooled.set(bits, (pooled.get(bits) ?? 0) + w);
    rows.push(row(POOLED_ROW, t('agreement.pooled'), 0, pooled, categoricalAlpha(scope.units, valueWithin(selected, rootsOf(data.codes)))));
  }
  return { title: t('agreement.title'), columns, rows, note: agreementNote(data, options, scope, t) };
}

function agreementNote(data: Data, options: AgreementOptions, scope: AgreementScope, t: Translator): string {
  if (scope.coderIds.length < 2) return t('agreement.note.twoCoders');
  if (scope.coderIds.length > MAX_CODERS) return t('agreement.note.tooManyCoders', { count: MAX_CODERS });
  if (!scope.sourceIds.length) return t('agreement.note.noSources');
  const weight = scope.units.reduce((s, u) => s + u.weight, 0);
  const names = scope.coderIds.map((id) => data.coders.find((c) => c.id === id)!.name).join(', ');
  return [
    t(`agreement.note.unit.${options.level}`, { count: weight, sources: scope.sourceIds.length, overlap: Math.round(options.overlap * 100) }),
    options.level === 'segment' ? t('agreement.note.segmentUncoded') : options.uncoded ? t('agreement.note.withUncoded') : t('agreement.note.withoutUncoded'),
    t('agreement.note.coders', { coders: names }),
    t('agreement.note.formulas'),
    scope.coderIds.length > 2 ? t('agreement.note.light') : '',
    scope.codes.some(({ domain }) => domain.size > 1) ? t('agreement.note.themes') : '',
    t('agreement.note.cu'),
    options.sourceIds.length ? '' : t('agreement.note.sourcesEveryCoder'),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Where coders differ on a code: a stretch of a source and which coders applied the code there. */
export interface Disagreement {
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
  /** Per coder (in the order compared): applied the code here. */
  coded: boolean[];
}

/**
 * The disagreements behind a row of the agreement table (a code; a theme's codes; every
 * code for the pooled row), in source and text order; neighbouring units with the same difference read
 * as one stretch.
 */
export function disagreementsOf(scope: AgreementScope, rowKey: string): Disagreement[] {
  // A theme's disagreements are its codes' own: what could be accepted is a code's coding.
  const codeIds = rowKey === POOLED_ROW ? scope.codes.map(({ code }) => code.id) : [...(scope.codes.find(({ code }) => code.id === rowKey)?.domain ?? [])];
  const order = new Map(scope.sourceIds.map((id, i) => [id, i]));
  const out: Disagreement[] = [];
  for (const codeId of codeIds) {
    let last: Disagreement | null = null;
    for (const u of scope.units) {
      const coded = u.codes.map((set) => set.has(codeId));
      if (coded.every((c) => c === coded[0])) continue;
      if (last && last.sourceId === u.sourceId && last.end === u.start && last.coded.every((c, i) => c === coded[i])) last.end = u.end;
      else out.push((last = { codeId, sourceId: u.sourceId, start: u.start, end: u.end, coded }));
    }
  }
  return out.sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)! || a.start - b.start || a.end - b.end);
}
