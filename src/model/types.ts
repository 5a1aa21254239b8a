import type { AnalysisDefinition } from '../analysis/definition';
/**
 * The project model, aligned with REFI-QDA so exchange can be lossless.
 * Offsets (segment start/end, paragraphs, speaker turns) are UTF-16 code units into
 * the source's normalised text (NFC, `\n` line ends).
 */

export type Id = string;

export interface Project {
  id: Id;
  name: string;
  createdAt: string;
  openedAt: string;
  /** The editable list of source kinds offered in this project. */
  sourceKinds: string[];
  /** Citation pattern, e.g. "({case}, {paragraph})". */
  citationPattern: string;
  /** Schema version of the data this project was last written with. */
  dataVersion: number;
  /** When the project was moved to the trash; it can be restored for TRASH_DAYS. */
  deletedAt?: string;
  /** Words that count as one in a text search, a group per line: "vínculo, lazo, relación". */
  thesaurus?: string;
}

/** An import as it runs: what was chosen and how far it got, so an import cut short is seen afterwards. */
export interface ImportRecord {
  id: Id;
  projectId: Id;
  startedAt: string;
  /** The files chosen, in order. */
  files: string[];
  /** How many of them were stored (imported, or found already in the project). */
  stored: number;
  /** Indexes of the files that reached an end (stored, refused, skipped). */
  settled: number[];
  status: 'running' | 'finished' | 'cancelled' | 'interrupted';
  /** The window and page load that ran it: a running import of a page that is gone was cut short. */
  window: string;
  page: string;
  /** The researcher has read the notice of an interrupted import. */
  dismissed?: boolean;
}

export interface ParagraphRange {
  start: number;
  end: number;
}

export interface SpeakerTurn {
  /** '' when the file names nobody (a subtitle cue without a voice or label). */
  speaker: string;
  start: number;
  end: number;
  /** Media time in seconds, for transcripts from subtitle formats. */
  startTime?: number;
  endTime?: number;
}

/** A comment or footnote found in the original file, kept beside the text. */
export interface SourceAnnotation {
  kind: 'comment' | 'footnote' | 'endnote';
  label: string;
  text: string;
}

/** What the source list needs; the text lives in SourceContent so lists stay light. */
export interface Source {
  id: Id;
  projectId: Id;
  name: string;
  kind: string;
  originalFileName: string;
  format: string;
  sha256: string;
  encoding?: string;
  /** ISO date (yyyy-mm-dd) of the interview or report, if known. */
  date?: string;
  /** BCP 47 language code: "es", "pt", "en" ... */
  language: string;
  words: number;
  caseIds: Id[];
  importedAt: string;
  /** What the import did with what it did not take in as text. */
  warnings: ImportNote[];
}

/** A note about an imported file, shown in the researcher's language from its code. */
export interface ImportNote {
  /** `legacy`: a note written as English text by a version before notes had codes. */
  code: 'footnotes-appended' | 'comments-aside' | 'images-left-out' | 'embedded-left-out' | 'running-heads-left-out' | 'mixed-encoding' | 'broken-characters' | 'legacy';
  params: Record<string, string | number>;
  /** The note in English, for logs and tests. */
  message: string;
}

/** A heading of the original document (Word's Heading 1–6, a survey's question): a paragraph that opens a part. */
export interface HeadingRange {
  start: number;
  end: number;
  /** 1 for a top-level heading. */
  level: number;
}

export interface SourceContent {
  sourceId: Id;
  projectId: Id;
  text: string;
  paragraphs: ParagraphRange[];
  turns: SpeakerTurn[];
  annotations: SourceAnnotation[];
  /** Where the format has them: what coding by structure codes under. */
  headings?: HeadingRange[];
}

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'category';
export type AttributeValue = string | number | boolean | null;

export interface Attribute {
  id: Id;
  projectId: Id;
  name: string;
  type: AttributeType;
  /** Allowed values, for category attributes. */
  values: string[];
  order: number;
}

export interface Case {
  id: Id;
  projectId: Id;
  name: string;
  description: string;
  /** attributeId → value */
  values: Record<Id, AttributeValue>;
}

export interface Code {
  id: Id;
  projectId: Id;
  parentId: Id | null;
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  order: number;
}

export interface Segment {
  id: Id;
  projectId: Id;
  sourceId: Id;
  codeId: Id;
  start: number;
  end: number;
  coderId: Id;
  createdAt: string;
}

export interface MemoLinks {
  sourceId?: Id;
  segmentId?: Id;
  codeId?: Id;
  caseId?: Id;
  /** A cell of a saved matrix: analysisId + row key + column key. */
  cell?: { analysisId: Id; row: string; column: string };
}

export interface Memo {
  id: Id;
  projectId: Id;
  title: string;
  body: string;
  /** 'memo' or 'field-note' (a dated field-notebook entry). */
  type: 'memo' | 'field-note';
  date: string;
  links: MemoLinks;
  createdAt: string;
  updatedAt: string;
}

export interface Coder {
  id: Id;
  projectId: Id;
  name: string;
  color: string;
}

/** A saved analysis: its definition (matrix, frequency table ...), name and cell summaries. */
export interface SavedAnalysis {
  id: Id;
  projectId: Id;
  name: string;
  type: string;
  /** Null when stored in a shape this version cannot read (a newer app's analysis): kept as stored. */
  definition: AnalysisDefinition | null;
  /** The stored definition this version cannot read, written back unchanged. */
  storedDefinition?: unknown;
  /** Researcher-written cell summaries, keyed "row\u0000column". */
  summaries: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** A plain snapshot of one project: what pure code and its tests speak. */
export interface ProjectData {
  project: Project;
  sources: Source[];
  contents: SourceContent[];
  cases: Case[];
  attributes: Attribute[];
  codes: Code[];
  segments: Segment[];
  memos: Memo[];
  coders: Coder[];
  analyses: SavedAnalysis[];
}

export const DEFAULT_SOURCE_KINDS = ['phone interview', 'in-depth interview', 'report', 'survey answer', 'field note', 'other'];

export const DEFAULT_CITATION_PATTERN = '({case}, {paragraph})';
