import { unzipSync } from 'fflate';
import { CODE_COLORS } from '../coding/codes';
import { decodeText } from '../import/encoding';
import { sha256Hex } from '../import/hash';
import { guessLanguage } from '../import/language';
import { countWords, paragraphsOf } from '../import/normalize';
import { ImportFailure, damaged, fail, plainReason } from '../import/result';
import { guessSourceKind } from '../import/source-kind';
import { detectTurns } from '../import/speakers';
import { checkUnpackedSize, isZip, zipEntryNames } from '../import/zip';
import type { Attribute, AttributeType, AttributeValue, Case, Code, Coder, Memo, MemoLinks, ProjectData, Segment, Source, SourceContent } from '../model/types';
import { DEFAULT_CITATION_PATTERN, DEFAULT_SOURCE_KINDS } from '../model/types';
import { newId, nowIso } from '../util/id';
import { isGuid, ourGuid } from './guid';
import { ExchangeReport, type ExchangeNote } from './report';
import { isStudioPart, STUDIO_PART, type StudioPart } from './studio-part';
import { mapToOurText, unitsOfCodePoints } from './text-map';
import { childNamed, childrenNamed, rootOf, type XmlNode } from './xml';

export const QDPX_FORMAT = 'REFI-QDA project';
/** More entries than any real project packs (a source is one or two files). */
export const MAX_QDPX_ENTRIES = 50_000;

export interface QdpxReadResult {
  data: ProjectData;
  report: ExchangeNote[];
}

export interface QdpxReadOptions {
  /** The id of the project the data will be stored as (a new one by default). */
  projectId?: string;
  /** Called as sources are read: how many of how many. */
  onProgress?(done: number, total: number): void;
  /** Reads a source given only as a Word file (the app's Word importer). */
  readRichText?(name: string, bytes: Uint8Array): Promise<string | null>;
}

/** A zip entry name that would land outside the package's folder when unpacked. */
export function escapesPackage(name: string): boolean {
  const path = name.replace(/\\/g, '/');
  return path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').some((part) => part === '..') || path.includes('\0');
}

/**
 * A REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder, f4 or this app) as our
 * project data, and the report of what was skipped, repaired or mapped. A .qdpx is a zip from
 * a stranger: escaping entry names, too many entries or a bomb are refused before anything
 * is unpacked; its XML is read without DTDs.
 */
export async function readQdpx(bytes: Uint8Array, options: QdpxReadOptions = {}): Promise<QdpxReadResult> {
  if (!isZip(bytes)) fail('not-a-package', `not a valid ${QDPX_FORMAT} file (it is not a zip package)`, { format: QDPX_FORMAT });
  const names = zipEntryNames(bytes, QDPX_FORMAT);
  if (names.length > MAX_QDPX_ENTRIES)
    fail(
      'too-many-files',
      `not a valid ${QDPX_FORMAT} file (it packs ${names.length.toLocaleString('en')} files; a project packs at most ${MAX_QDPX_ENTRIES.toLocaleString('en')})`,
      {
        format: QDPX_FORMAT,
        count: names.length,
        limit: MAX_QDPX_ENTRIES,
      },
    );
  const escaping = names.find(escapesPackage);
  if (escaping !== undefined)
    fail('unsafe-entry', `not a valid ${QDPX_FORMAT} file (it holds a file named “${escaping}”, which points outside the package)`, { format: QDPX_FORMAT, entry: escaping });
  checkUnpackedSize(bytes, QDPX_FORMAT);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    damaged(QDPX_FORMAT, e);
  }
  const qde = Object.keys(files)
    .filter((n) => /\.qde$/i.test(n))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!qde) fail('no-project-file', `not a valid ${QDPX_FORMAT} file (it holds no project file (*.qde))`, { format: QDPX_FORMAT });
  const byLowerName = new Map(Object.keys(files).map((n) => [n.toLowerCase(), n]));
  const fileOf = (path: string): Uint8Array | null => {
    const m = /^(internal|relative|file):\/\/\/?(.*)$/i.exec(path.trim());
    const name = decodeURIComponent((m ? m[2] : path).replace(/\\/g, '/'));
    const base = name.split('/').pop() ?? name;
    for (const candidate of [name, `sources/${name}`, `sources/${base}`, base]) {
      const found = byLowerName.get(candidate.toLowerCase());
      if (found) return files[found];
    }
    return null;
  };
  let studio: StudioPart | null = null;
  const report = new ExchangeReport();
  if (files[STUDIO_PART]) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(files[STUDIO_PART]));
      studio = isStudioPart(parsed) ? parsed : null;
    } catch {
      studio = null;
    }
    if (!studio) report.add('own-part-unreadable', `${STUDIO_PART} could not be read: the project comes in from its standard part only`, { file: STUDIO_PART });
  }
  return readQde(files[qde], { ...options, fileOf, studio, report });
}

interface QdeContext extends QdpxReadOptions {
  fileOf(path: string): Uint8Array | null;
  studio?: StudioPart | null;
  report?: ExchangeReport;
}

const VARIABLE_TYPES: Record<string, AttributeType> = { Text: 'text', Boolean: 'boolean', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'date' };

/** The project file itself (.qde), with a way to find the files it names. */
export async function readQde(bytes: Uint8Array, context: QdeContext): Promise<QdpxReadResult> {
  const report = context.report ?? new ExchangeReport();
  const studio = context.studio ?? null;
  const root = rootOf(bytes, QDPX_FORMAT);
  if (root.name !== 'Project')
    fail('wrong-root', `not a valid ${QDPX_FORMAT} file (its project file starts with <${root.name}>, not <Project>)`, {
      format: QDPX_FORMAT,
      found: root.name,
      expected: 'Project',
    });
  try {
    return await buildProject(root, context, studio, report);
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    damaged(QDPX_FORMAT, plainReason(e));
  }
}

async function buildProject(root: XmlNode, context: QdeContext, studio: StudioPart | null, report: ExchangeReport): Promise<QdpxReadResult> {
  const projectId = context.projectId ?? newId();
  const now = nowIso();
  const usedIds = new Set<string>();
  /** Our id for a GUID: the id it was exported from, else the GUID itself; a GUID met twice gets a new id. */
  const idFor = (guid: string | undefined, what: string): string => {
    const g = guid && isGuid(guid) ? ourGuid(guid) : '';
    let id = g ? (studio?.ids[g] ?? g) : newId();
    if (usedIds.has(id)) {
      report.add('duplicate-guid', `${what} shares its GUID ${guid} with another element: it was given a new one`, { what, guid: guid ?? '' });
      id = newId();
    }
    usedIds.add(id);
    return id;
  };
  const ref = (guid: string | undefined) => (guid && isGuid(guid) ? (studio?.ids[ourGuid(guid)] ?? ourGuid(guid)) : '');
  const studioOf = <T>(record: Record<string, T> | undefined, guid: string | undefined): T | undefined => (guid && record ? record[ourGuid(guid)] : undefined);

  // Coders
  const coders: Coder[] = childrenNamed(childNamed(root, 'Users') ?? root, 'User').map((u) => ({
    id: idFor(u.attributes.guid, `the user “${u.attributes.name ?? ''}”`),
    projectId,
    name: u.attributes.name?.trim() || u.attributes.id || 'Coder',
    color: studioOf(studio?.coders, u.attributes.guid)?.color ?? '#2f6f73',
  }));
  const coderIds = new Set(coders.map((c) => c.id));
  let fallbackCoder: string | null = null;
  const coderFor = (...guids: (string | undefined)[]): string => {
    for (const g of guids) {
      const id = ref(g);
      if (id && coderIds.has(id)) return id;
    }
    if (!fallbackCoder) {
      const creator = ref(root.attributes.creatingUserGUID);
      if (creator && coderIds.has(creator)) fallbackCoder = creator;
      else {
        fallbackCoder = newId();
        coders.push({ id: fallbackCoder, projectId, name: root.attributes.origin?.trim() || 'Imported', color: '#2f6f73' });
        coderIds.add(fallbackCoder);
      }
    }
    return fallbackCoder;
  };

  // Codebook
  const codes: Code[] = [];
  const noteLinks = new Map<string, MemoLinks[]>();
  const linkNotes = (node: XmlNode, link: MemoLinks) => {
    for (const n of childrenNamed(node, 'NoteRef')) {
      const id = ref(n.attributes.targetGUID);
      if (id) (noteLinks.get(id) ?? noteLinks.set(id, []).get(id)!).push(link);
    }
  };
  const walkCodes = (parent: XmlNode, parentId: string | null) => {
    childrenNamed(parent, 'Code').forEach((node, order) => {
      const extra = studioOf(studio?.codes, node.attributes.guid);
      const id = idFor(node.attributes.guid, `the code “${node.attributes.name ?? ''}”`);
      const color = node.attributes.color && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(node.attributes.color) ? node.attributes.color : extra?.color;
      codes.push({
        id,
        projectId,
        parentId,
        name: node.attributes.name?.trim() || 'Code',
        color: color ?? CODE_COLORS[codes.length % CODE_COLORS.length],
        description: childNamed(node, 'Description')?.text ?? '',
        inclusion: extra?.inclusion ?? '',
        exclusion: extra?.exclusion ?? '',
        example: extra?.example ?? '',
        order: extra?.order ?? order,
      });
      linkNotes(node, { codeId: id });
      walkCodes(node, id);
    });
  };
  const codebook = childNamed(root, 'CodeBook');
  const codesNode = codebook && childNamed(codebook, 'Codes');
  if (codesNode) walkCodes(codesNode, null);
  const codeIds = new Set(codes.map((c) => c.id));
  const codeById = new Map(codes.map((c) => [c.id, c]));

  // Variables and cases
  const attributes: Attribute[] = childrenNamed(childNamed(root, 'Variables') ?? root, 'Variable').map((v, order) => {
    const extra = studioOf(studio?.attributes, v.attributes.guid);
    return {
      id: idFor(v.attributes.guid, `the variable “${v.attributes.name ?? ''}”`),
      projectId,
      name: v.attributes.name?.trim() || `Variable ${order + 1}`,
      type: extra?.type ?? VARIABLE_TYPES[v.attributes.typeOfVariable] ?? 'text',
      values: extra?.values ?? [],
      order: extra?.order ?? order,
    };
  });
  const attributeById = new Map(attributes.map((a) => [a.id, a]));
  const caseIdsOfSource = new Map<string, string[]>();
  let caseRefsSkipped = 0;
  const cases: Case[] = childrenNamed(childNamed(root, 'Cases') ?? root, 'Case').map((node) => {
    const id = idFor(node.attributes.guid, `the case “${node.attributes.name ?? ''}”`);
    const values: Record<string, AttributeValue> = {};
    for (const vv of childrenNamed(node, 'VariableValue')) {
      const attribute = attributeById.get(ref(childNamed(vv, 'VariableRef')?.attributes.targetGUID));
      if (!attribute) continue;
      const value = readValue(vv, attribute);
      if (value !== undefined) values[attribute.id] = value;
      else
        report.add('value-not-read', `the value of “${attribute.name}” for case “${node.attributes.name ?? ''}” could not be read`, {
          attribute: attribute.name,
          case: node.attributes.name ?? '',
        });
    }
    const own = studioOf(studio?.caseValues, node.attributes.guid);
    if (own) for (const [g, v] of Object.entries(own)) values[ref(g) || g] = v;
    for (const s of childrenNamed(node, 'SourceRef')) {
      const sid = ref(s.attributes.targetGUID);
      if (sid) (caseIdsOfSource.get(sid) ?? caseIdsOfSource.set(sid, []).get(sid)!).push(id);
    }
    caseRefsSkipped += childrenNamed(node, 'SelectionRef').length + childrenNamed(node, 'CodeRef').length;
    for (const a of attributes) if (a.type === 'category' && typeof values[a.id] === 'string' && !a.values.includes(values[a.id] as string)) a.values.push(values[a.id] as string);
    return { id, projectId, name: node.attributes.name?.trim() || 'Case', description: childNamed(node, 'Description')?.text ?? '', values };
  });
  if (caseRefsSkipped)
    report.add('not-imported-parts', `${caseRefsSkipped} links from cases to codes or selections were not imported (cases here hold whole sources)`, {
      count: caseRefsSkipped,
      what: 'case links',
    });

  // Sources
  const kinds = studio?.project.sourceKinds ?? [...DEFAULT_SOURCE_KINDS];
  const sources: Source[] = [];
  const contents: SourceContent[] = [];
  const segments: Segment[] = [];
  const memos: Memo[] = [];
  const sourcesNode = childNamed(root, 'Sources');
  const otherSources = (sourcesNode?.children ?? []).filter((c) => c.name !== 'TextSource');
  if (otherSources.length)
    report.add(
      'not-imported-sources',
      `${otherSources.length} sources that are not text (${[...new Set(otherSources.map((s) => s.name))].join(', ')}) were not imported: ${otherSources.map((s) => s.attributes.name ?? '').join(', ')}`,
      {
        count: otherSources.length,
        names: otherSources.map((s) => s.attributes.name ?? '').join(', '),
      },
    );
  const textSources = childrenNamed(sourcesNode ?? root, 'TextSource');
  for (const [done, node] of textSources.entries()) {
    context.onProgress?.(done, textSources.length);
    const name = node.attributes.name?.trim() || 'Source';
    const extra = studioOf(studio?.sources, node.attributes.guid);
    const raw = await sourceText(node, context, name, report);
    const selections = childrenNamed(node, 'PlainTextSelection');
    if (raw === null) {
      if (selections.length)
        report.add('selections-without-text', `${selections.length} coded selections in “${name}” were not imported: its text is missing`, {
          source: name,
          count: selections.length,
        });
      continue;
    }
    const id = idFor(node.attributes.guid, `the source “${name}”`);
    const mapped = mapToOurText(raw);
    const text = mapped.text;
    const position = positionReader(raw, mapped.at, selections, studio !== null && extra !== undefined, name, report);
    const paragraphs = extra?.paragraphs ?? paragraphsOf(text);
    const headings = Array.isArray(extra?.headings) ? extra.headings.filter((h) => h && h.end <= text.length && h.start < h.end) : [];
    contents.push({
      sourceId: id,
      projectId,
      text,
      paragraphs,
      turns: extra?.turns ?? detectTurns(text, paragraphs),
      annotations: extra?.annotations ?? [],
      ...(headings.length ? { headings } : {}),
    });
    sources.push({
      id,
      projectId,
      name,
      kind: extra?.kind ?? guessSourceKind(name, kinds),
      originalFileName: extra?.originalFileName ?? `${name}.txt`,
      format: extra?.format ?? 'qdpx',
      sha256: extra?.sha256 ?? (await sha256Hex(new TextEncoder().encode(text))),
      encoding: extra?.encoding,
      date: extra?.date ?? node.attributes.creationDateTime?.slice(0, 10),
      language: extra?.language ?? guessLanguage(text),
      words: countWords(text),
      caseIds: caseIdsOfSource.get(id) ?? [],
      importedAt: extra?.importedAt ?? now,
      warnings: extra?.warnings ?? [],
    });
    linkNotes(node, { sourceId: id });
    for (const sel of selections) {
      const codings = childrenNamed(sel, 'Coding');
      const range = position(Number(sel.attributes.startPosition), Number(sel.attributes.endPosition));
      const codeNames = () => codings.map((c) => codeById.get(ref(childNamed(c, 'CodeRef')?.attributes.targetGUID))?.name ?? '?').join(', ');
      if (!range) {
        report.add(
          'selection-outside-text',
          `a selection in “${name}” coded ${codeNames() || 'with no code'} (${sel.attributes.startPosition}–${sel.attributes.endPosition}) does not fit its text of ${raw.length} characters: not imported`,
          {
            source: name,
            code: codeNames(),
            start: sel.attributes.startPosition ?? '',
            end: sel.attributes.endPosition ?? '',
            length: raw.length,
            count: 1,
          },
        );
        continue;
      }
      let first: string | null = null;
      for (const [k, coding] of codings.entries()) {
        const codeId = ref(childNamed(coding, 'CodeRef')?.attributes.targetGUID);
        if (!codeIds.has(codeId)) {
          report.add('selection-unknown-code', `a coding in “${name}” names a code the codebook does not hold: not imported`, { source: name });
          continue;
        }
        const segId = idFor(k === 0 ? sel.attributes.guid : coding.attributes.guid, `the selection in “${name}”`);
        first ??= segId;
        segments.push({
          id: segId,
          projectId,
          sourceId: id,
          codeId,
          start: range.start,
          end: range.end,
          coderId: coderFor(coding.attributes.creatingUser, sel.attributes.creatingUser),
          createdAt: studioOf(studio?.segments, sel.attributes.guid)?.createdAt ?? coding.attributes.creationDateTime ?? sel.attributes.creationDateTime ?? now,
        });
      }
      const description = childNamed(sel, 'Description')?.text.trim();
      const quote = text.slice(range.start, range.end);
      if (description) {
        if (!first)
          report.add('selection-memo-kept-on-source', `a memo on an uncoded selection in “${name}” was kept as a memo on the source, quoting the selection`, { source: name });
        memos.push(
          memoOf(
            projectId,
            now,
            `“${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}”`,
            first ? description : `“${quote}”\n\n${description}`,
            first ? { segmentId: first } : { sourceId: id },
          ),
        );
      }
      if (first) linkNotes(sel, { segmentId: first });
      else linkNotes(sel, { sourceId: id });
    }
  }

  // Notes
  for (const node of childrenNamed(childNamed(root, 'Notes') ?? root, 'Note')) {
    const id = idFor(node.attributes.guid, `the note “${node.attributes.name ?? ''}”`);
    const extra = studioOf(studio?.memos, node.attributes.guid);
    const inline = childNamed(node, 'PlainTextContent');
    const file = node.attributes.plainTextPath ? context.fileOf(node.attributes.plainTextPath) : null;
    const body = inline ? inline.text : file ? decodeText(file).text : '';
    if (!inline && !file && node.attributes.plainTextPath)
      report.add('missing-note-text', `the text of the note “${node.attributes.name ?? ''}” (${node.attributes.plainTextPath}) is not in the package: the note came in empty`, {
        note: node.attributes.name?.trim() || node.attributes.plainTextPath,
        path: node.attributes.plainTextPath,
      });
    const links = noteLinks.get(id) ?? [];
    const link: MemoLinks = {};
    let dropped = 0;
    for (const l of links) {
      const key = Object.keys(l)[0] as keyof MemoLinks;
      if (link[key] === undefined) Object.assign(link, l);
      else dropped++;
    }
    if (dropped)
      report.add('note-links-dropped', `the note “${node.attributes.name ?? ''}” is attached to ${links.length} places; it was kept on the first of each kind`, {
        note: node.attributes.name ?? '',
        count: links.length,
      });
    if (extra?.caseId) link.caseId = ref(extra.caseId) || extra.caseId;
    if (extra?.cell) link.cell = extra.cell;
    const created = extra?.createdAt ?? node.attributes.creationDateTime ?? now;
    memos.push({
      id,
      projectId,
      title: node.attributes.name?.trim() || body.split('\n')[0].slice(0, 80) || 'Note',
      body: body.replace(/\r\n?/g, '\n'),
      type: extra?.type ?? 'memo',
      date: extra?.date ?? created.slice(0, 10),
      links: link,
      createdAt: created,
      updatedAt: extra?.updatedAt ?? node.attributes.modifiedDateTime ?? created,
    });
  }

  const sourceValues = childrenNamed(sourcesNode ?? root, 'TextSource').reduce((n, node) => n + childrenNamed(node, 'VariableValue').length, 0);
  if (sourceValues)
    report.add('not-imported-parts', `${sourceValues} variable values given to sources (not cases) were not imported`, { count: sourceValues, what: 'source-values' });
  for (const [part, label] of [
    ['Sets', 'sets'],
    ['Graphs', 'graphs'],
    ['Links', 'links'],
  ] as const) {
    const node = childNamed(root, part);
    if (node?.children.length) report.add('not-imported-parts', `${node.children.length} ${label} were not imported`, { count: node.children.length, what: label });
  }
  for (const k of sources.map((s) => s.kind)) if (!kinds.includes(k)) kinds.push(k);
  const data: ProjectData = {
    project: {
      id: projectId,
      name: studio?.project.name ?? (root.attributes.name?.trim() || 'Imported project'),
      createdAt: studio?.project.createdAt ?? root.attributes.creationDateTime ?? now,
      openedAt: now,
      sourceKinds: kinds,
      citationPattern: studio?.project.citationPattern ?? DEFAULT_CITATION_PATTERN,
      // The store sets its own version when it keeps the project (see db/project-file).
      dataVersion: 3,
      ...(typeof studio?.project.thesaurus === 'string' && studio.project.thesaurus ? { thesaurus: studio.project.thesaurus } : {}),
    },
    sources,
    contents,
    cases,
    attributes,
    codes,
    segments,
    memos,
    coders,
    analyses: (studio?.analyses ?? []).map((a) => ({ ...a, projectId })),
  };
  return { data, report: report.notes };
}

function memoOf(projectId: string, now: string, title: string, body: string, links: MemoLinks): Memo {
  return { id: newId(), projectId, title, body, type: 'memo', date: now.slice(0, 10), links, createdAt: now, updatedAt: now };
}

function readValue(node: XmlNode, attribute: Attribute): AttributeValue | undefined {
  const [element] = node.children.filter((c) => c.name !== 'VariableRef');
  if (!element) return null;
  const text = element.text.trim();
  switch (element.name) {
    case 'BooleanValue':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
    case 'IntegerValue':
    case 'FloatValue': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'DateValue':
    case 'DateTimeValue':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
    case 'TextValue':
      return attribute.type === 'number' && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    default:
      return undefined;
  }
}

/** The text of a source as the other tool stored it: inline, a plain-text file, or only a Word file. */
async function sourceText(node: XmlNode, context: QdeContext, name: string, report: ExchangeReport): Promise<string | null> {
  const inline = childNamed(node, 'PlainTextContent');
  if (inline) return inline.text;
  const plainPath = node.attributes.plainTextPath;
  const plain = plainPath ? context.fileOf(plainPath) : null;
  if (plain) return decodeText(plain).text;
  const richPath = node.attributes.richTextPath;
  const rich = richPath ? context.fileOf(richPath) : null;
  if (rich && context.readRichText) {
    const text = await context.readRichText(`${name}.docx`, rich);
    if (text !== null) {
      report.add('rich-text-only', `“${name}” has no plain text in the package: its text was read from its Word file, and its coded selections may not line up`, { source: name });
      return text;
    }
  }
  report.add('missing-text', `the text of “${name}” (${plainPath ?? richPath ?? 'no file named'}) is not in the package: the source was not imported`, {
    source: name,
    path: plainPath ?? richPath ?? '',
  });
  return null;
}

type Counting = 'UTF-16 code units' | 'characters (code points)' | 'UTF-16 code units of the text with \\n line ends' | 'characters of the text with \\n line ends';
/** How the report names a counting, for the researcher's language. */
const COUNTING_IDS: Record<Counting, string> = {
  'UTF-16 code units': 'utf16',
  'characters (code points)': 'code-points',
  'UTF-16 code units of the text with \\n line ends': 'utf16-lf',
  'characters of the text with \\n line ends': 'code-points-lf',
};

/**
 * Maps a selection's positions in the other tool's text to ours. Tools count positions their
 * own way (NVivo: UTF-16 units of the CRLF text without BOM; Python tools: code points);
 * where selections carry their text as a name, the counting that makes them match is taken.
 */
function positionReader(
  raw: string,
  at: Int32Array,
  selections: XmlNode[],
  ours: boolean,
  source: string,
  report: ExchangeReport,
): (start: number, end: number) => { start: number; end: number } | null {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = raw.slice(bom);
  const toUnit = new Map<Counting, (p: number) => number | null>();
  toUnit.set('UTF-16 code units', (p) => (p >= 0 && p <= body.length ? p + bom : null));
  if (!ours) {
    const units = unitsOfCodePoints(body);
    if (units.length - 1 !== body.length) toUnit.set('characters (code points)', (p) => (p >= 0 && p < units.length ? units[p] + bom : null));
    if (body.includes('\r\n')) {
      // Offsets in the text with CRLF as one \n, back to offsets in the stored text.
      const lf: number[] = [];
      for (let i = 0; i < body.length; i++) if (!(body.charCodeAt(i) === 13 && body.charCodeAt(i + 1) === 10)) lf.push(i);
      lf.push(body.length);
      toUnit.set('UTF-16 code units of the text with \\n line ends', (p) => (p >= 0 && p < lf.length ? lf[p] + bom : null));
      const lfText = body.replace(/\r\n/g, '\n');
      const lfUnits = unitsOfCodePoints(lfText);
      if (lfUnits.length - 1 !== lfText.length)
        toUnit.set('characters of the text with \\n line ends', (p) => (p >= 0 && p < lfUnits.length && lfUnits[p] < lf.length ? lf[lfUnits[p]] + bom : null));
    }
  }
  const read = (counting: Counting, start: number, end: number) => {
    const unit = toUnit.get(counting)!;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) return null;
    const s = unit(start);
    const e = unit(end);
    if (s === null || e === null) return null;
    const range = { start: at[s], end: at[e] };
    return range.end > range.start ? range : null;
  };
  let chosen: Counting = 'UTF-16 code units';
  if (toUnit.size > 1) {
    const named = selections.filter((s) => (s.attributes.name ?? '').trim().length >= 3);
    const text = raw.slice(bom);
    const score = (counting: Counting) =>
      named.filter((s) => {
        const unit = toUnit.get(counting)!;
        const a = unit(Number(s.attributes.startPosition));
        const b = unit(Number(s.attributes.endPosition));
        if (a === null || b === null) return false;
        const said = raw.slice(a, b).replace(/\r\n/g, '\n').normalize('NFC');
        const name = s.attributes.name!.replace(/\r\n/g, '\n').normalize('NFC');
        return said.startsWith(name) || name.startsWith(said);
      }).length;
    let best = score(chosen);
    for (const counting of toUnit.keys()) {
      const n = score(counting);
      if (n > best) [best, chosen] = [n, counting];
    }
    if (chosen !== 'UTF-16 code units' && text.length > 0)
      report.add('positions-counted', `positions in “${source}” count ${chosen}: they were converted`, { source, counting: COUNTING_IDS[chosen] });
  }
  return (start, end) => read(chosen, start, end);
}
