import type { HeadingRange, ImportNote, ParagraphRange, SourceAnnotation, SpeakerTurn } from '../model/types';

/** Why a file was refused. The code picks the translated message; `message` is English. */
export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'unknown-extension'
  | 'corrupt'
  | 'legacy-word'
  | 'legacy-excel'
  | 'export-first'
  | 'no-text-layer'
  | 'encrypted'
  | 'no-text'
  | 'survey-mapping'
  | 'unpacks-too-large'
  | 'too-much-text'
  | 'too-slow'
  | 'stopped-importer'
  | 'storage-full'
  // A .qdpx or .qdc that is not what its name says, or is built to harm a reader.
  | 'not-a-package'
  | 'too-many-files'
  | 'unsafe-entry'
  | 'no-project-file'
  | 'wrong-root'
  | 'xml-doctype'
  | 'xml-too-many-elements'
  | 'xml-too-deep'
  | 'xml-malformed';

export interface ImportError {
  code: ImportErrorCode;
  fileName: string;
  /** Human-readable reason, in English; the UI translates from code + params. */
  message: string;
  params: Record<string, string | number>;
}

/** One source as it comes out of a parser, before it has an id or a project. */
export interface ImportedSource {
  name: string;
  originalFileName: string;
  format: string;
  text: string;
  paragraphs: ParagraphRange[];
  turns: SpeakerTurn[];
  annotations: SourceAnnotation[];
  headings?: HeadingRange[];
  encoding?: string;
  sha256: string;
  words: number;
  warnings: ImportNote[];
  /** A case name suggested from the file name or the survey row. */
  suggestedCase?: string;
  /** Suggested kind ('survey answer' for survey rows). */
  suggestedKind?: string;
  /** A date suggested from the file name ("2023-05-12_P3.docx"), ISO. */
  suggestedDate?: string;
  language?: string;
}

/** A case described by an import (survey respondents), with attribute values by name. */
export interface ImportedCase {
  name: string;
  values: Record<string, string>;
}

export type ImportResult = { ok: true; sources: ImportedSource[]; cases: ImportedCase[]; warnings: ImportNote[] } | { ok: false; error: ImportError };

export class ImportFailure extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export function fail(code: ImportErrorCode, message: string, params: Record<string, string | number> = {}): never {
  throw new ImportFailure(code, message, params);
}

/** What each format parser produces: text and structure, no hashing or naming. */
export interface ParsedText {
  text: string;
  paragraphs?: ParagraphRange[];
  turns?: SpeakerTurn[];
  annotations?: SourceAnnotation[];
  headings?: HeadingRange[];
  encoding?: string;
  warnings?: ImportNote[];
}

/** The notes a document parser gives: how many notes it appended, comments it kept aside, images it left out. */
/**
 * A file of this format that cannot be read, and why in the words of the reader that
 * failed: the format is named in the researcher's language, the technical reason as given.
 */
export function damaged(format: string, reason: string | unknown): never {
  const why = plainReason(reason);
  fail('corrupt', `damaged ${format} file (${why})`, { format, reason: why });
}

/** A file whose name says a format its bytes are not in. */
export function notValid(format: string, reason: string): never {
  fail('corrupt', `not a valid ${format} file (${reason})`, { format, reason });
}

const INTERNAL =
  /undefined|null\b|is not a function|is not iterable|is not defined|Cannot (read|set)|of undefined|call stack|Invalid (typed )?array length|Invalid string length|out of memory|allocation failed/i;

/**
 * Why a reader failed, in words about the file: a library's own reason when it speaks of
 * the file, never a JavaScript fault ("Cannot read properties of undefined"), which only
 * says that the file is not laid out as its format says.
 */
export function plainReason(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].trim();
  if (/call stack/i.test(message)) return 'its contents are nested too deeply to read';
  if (/out of memory|allocation failed|Invalid (typed )?array length|Invalid string length/i.test(message)) return 'it is too large to read';
  if (INTERNAL.test(message) || message === '' || e instanceof TypeError || e instanceof ReferenceError) return 'parts of it are missing or inconsistent';
  return message.length > 200 ? `${message.slice(0, 197)}…` : message;
}

/** Why a document saved with a password cannot be read, whatever its format. */
export const PASSWORD_PROTECTED = 'the document is password-protected: remove the password and import it again';

export const notes = {
  footnotesAppended: (count: number): ImportNote => ({ code: 'footnotes-appended', params: { count }, message: `${count} footnote(s) appended at the end of the text` }),
  commentsAside: (count: number): ImportNote => ({ code: 'comments-aside', params: { count }, message: `${count} comment(s) kept beside the text, not in it` }),
  imagesLeftOut: (count: number): ImportNote => ({ code: 'images-left-out', params: { count }, message: `${count} image(s) not imported` }),
  embeddedLeftOut: (count: number): ImportNote => ({ code: 'embedded-left-out', params: { count }, message: `${count} embedded document(s) could not be read` }),
  brokenCharacters: (count: number): ImportNote => ({
    code: 'broken-characters',
    params: { count },
    message: `${count} broken character(s) (half of a character pair) replaced with �`,
  }),
  mixedEncoding: (): ImportNote => ({ code: 'mixed-encoding', params: {}, message: 'most of the text is UTF-8, some of it Windows-1252: each part was read in its own encoding' }),
  runningHeadsLeftOut: (lines: string[]): ImportNote => {
    const quoted = lines.map((h) => `“${h}”`).join(', ');
    return { code: 'running-heads-left-out', params: { lines: quoted }, message: `page headers and footers left out: ${quoted}` };
  },
};
