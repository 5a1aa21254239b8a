import { caseAsSpoken, suggestCaseName } from './case-name';
import { MIXED_ENCODING } from './encoding';
import { suggestSourceDate } from './source-date';
import { parseMarkdown } from './formats/markdown';
import { parsePlainText } from './formats/plain-text';
import { parseSubtitles } from './formats/subtitles';
import { previewSurvey, surveyToSources, type SurveyMapping } from './formats/survey';
import { sha256Hex } from './hash';
import { guessLanguage } from './language';
import { countWords, normalizeText, paragraphsOf } from './normalize';
import { ImportFailure, notes, plainReason, type ImportError, type ImportedSource, type ImportResult, type ParsedText } from './result';
import { detectTurns } from './speakers';

export type { ImportedSource, ImportResult, ImportError, ImportedCase } from './result';
export type { SurveyMapping, SurveyPreview } from './formats/survey';
export { previewSurvey } from './formats/survey';

export interface ImportOptions {
  /** Files above this many bytes are refused (default: DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  /** For survey .csv files: how columns map to cases, attributes and answers. */
  survey?: SurveyMapping;
}

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  options?: ImportOptions;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** The most text one file may give: some 5 million words, far beyond any transcript, report or survey (a safeguard against files that expand). */
export const MAX_TEXT_CHARS = 30_000_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function countLoneSurrogates(text: string): number {
  return (text.match(LONE_SURROGATE) ?? []).length;
}

/** The formats a researcher can bring in, by extension. */
export const SOURCE_EXTENSIONS = ['txt', 'md', 'docx', 'doc', 'pdf', 'odt', 'rtf', 'html', 'htm', 'vtt', 'srt', 'otr', 'csv', 'xlsx', 'ods'] as const;

/** Files researchers often have whose text another program must give first: that program, and what to save as. */
const EXPORT_FIRST: Record<string, [app: string, target: string]> = {
  xls: ['Excel', '.xlsx or .csv'],
  numbers: ['Numbers', '.xlsx or .csv'],
  pages: ['Pages', '.docx'],
  wpd: ['WordPerfect', '.docx'],
  wps: ['Works', '.docx'],
};

/** Surveys: a table of respondents whose open answers become sources (the mapping dialog asks how). */
export const SURVEY_EXTENSIONS = ['csv', 'xlsx', 'ods'] as const;
export type SourceExtension = (typeof SOURCE_EXTENSIONS)[number];

export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/**
 * Turns the bytes of one file into sources ready for the store, or a refusal naming the
 * reason. Pure: the same call runs in Electron's main process, in the browser and in tests.
 */
export async function importSource({ name, bytes, options = {} }: ImportRequest): Promise<ImportResult> {
  try {
    return await importOrThrow(name, bytes, options);
  } catch (e) {
    if (e instanceof ImportFailure) {
      return { ok: false, error: { code: e.code, fileName: name, message: e.message, params: e.params } };
    }
    const format = FORMAT_NAMES[extensionOf(name)] ?? extensionOf(name).toUpperCase();
    const reason = plainReason(e);
    return { ok: false, error: { code: 'corrupt', fileName: name, message: `damaged ${format} file (${reason})`, params: { format, reason } } };
  }
}

async function importOrThrow(name: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const ext = extensionOf(name);
  const exportFirst = EXPORT_FIRST[ext];
  if (exportFirst) {
    const [app, target] = exportFirst;
    throw new ImportFailure('export-first', `${app} file: open it in ${app}, save or export it as ${target}, and import that`, { extension: ext, app, target });
  }
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ImportFailure('unknown-extension', `unsupported file type "${ext ? '.' + ext : 'no extension'}" (supported: ${SOURCE_EXTENSIONS.map((e) => '.' + e).join(', ')})`, {
      extension: ext,
    });
  }
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    const { message, params } = tooLarge(bytes.length, limit);
    throw new ImportFailure('too-large', message, params);
  }
  if (bytes.length === 0) throw new ImportFailure('empty', 'the file is empty (0 bytes)');

  const sha256 = await sha256Hex(bytes);
  if ((SURVEY_EXTENSIONS as readonly string[]).includes(ext)) {
    const preview = await previewSurvey(bytes);
    const { sources, cases } = surveyToSources(preview.table, options.survey ?? preview.mapping);
    const encoding = preview.table.sheet === undefined ? preview.table.encoding : undefined;
    return {
      ok: true,
      sources: sources.map((s) => finish(s.name, name, ext, s.parsed, sha256, s.caseName, 'survey answer', false, encoding)),
      cases,
      warnings: [],
    };
  }
  const parsed = await parseByExtension(ext, bytes);
  const source = finish(baseName(name), name, ext, parsed, sha256, suggestCaseName(name), undefined, true, parsed.encoding);
  return { ok: true, sources: [source], cases: [], warnings: source.warnings };
}

/**
 * The format a word-processing file is really in, when its name says another: old
 * transcription tools and Word itself saved RTF and web pages under ".doc", and an RTF
 * file renamed ".txt" is still RTF. Other files are read by their extension.
 */
function writtenAs(ext: string, bytes: Uint8Array): string {
  if (ext !== 'doc' && ext !== 'docx' && ext !== 'txt') return ext;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/^(\xef\xbb\xbf|\s)+/, '');
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (ext === 'txt') return ext;
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(start)) return 'html';
  if (ext === 'doc' && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
  return ext;
}

/**
 * Plain-text formats are parsed at once; the document formats' parsers (and the zip, XML
 * and PDF libraries behind them) are loaded the first time such a file comes, so the
 * page that only lists and codes sources does not carry them.
 */
async function parseByExtension(ext: string, bytes: Uint8Array): Promise<ParsedText> {
  const format = writtenAs(ext, bytes);
  switch (format) {
    case 'txt':
      return parsePlainText(bytes);
    case 'md':
      return parseMarkdown(bytes);
    case 'html':
    case 'htm':
      return (await import('./formats/html')).parseHtml(bytes);
    case 'docx':
      return (await import('./formats/docx')).parseDocx(bytes);
    case 'doc':
      return (await import('./formats/doc')).parseDoc(bytes);
    case 'odt':
      return (await import('./formats/odt')).parseOdt(bytes);
    case 'rtf':
      return (await import('./formats/rtf')).parseRtf(bytes);
    case 'pdf':
      return (await import('./formats/pdf')).parsePdf(bytes);
    case 'vtt':
    case 'srt':
      return parseSubtitles(bytes, format);
    case 'otr':
      return (await import('./formats/otr')).parseOtr(bytes);
    default:
      throw new ImportFailure('unknown-extension', `unsupported file type ".${ext}"`, { extension: ext });
  }
}

function finish(
  sourceName: string,
  fileName: string,
  format: string,
  parsed: ParsedText,
  sha256: string,
  suggestedCase: string | undefined,
  suggestedKind: string | undefined,
  findSpeakers: boolean,
  encoding: string | undefined,
): ImportedSource {
  let text: string;
  let paragraphs = parsed.paragraphs;
  if (paragraphs) {
    text = parsed.text;
  } else {
    text = normalizeText(parsed.text);
    paragraphs = paragraphsOf(text);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new ImportFailure('empty', 'the file has no text in it');
  }
  if (text.length > MAX_TEXT_CHARS) {
    throw new ImportFailure(
      'too-much-text',
      `the file holds ${text.length.toLocaleString('en')} characters of text, more than a transcript or report can (${MAX_TEXT_CHARS.toLocaleString('en')})`,
      { chars: text.length, limit: MAX_TEXT_CHARS },
    );
  }
  // Half a character pair (a damaged file, an editor's bug) would break every export: U+FFFD takes its place, one unit for one, so offsets hold.
  const broken = countLoneSurrogates(text);
  if (broken > 0) text = text.replace(LONE_SURROGATE, '\uFFFD');
  const turns = parsed.turns ?? (findSpeakers ? detectTurns(text, paragraphs) : []);
  return {
    name: sourceName,
    originalFileName: fileName,
    format,
    text,
    paragraphs,
    turns,
    annotations: parsed.annotations ?? [],
    ...(parsed.headings?.length ? { headings: parsed.headings } : {}),
    encoding,
    sha256,
    words: countWords(text),
    warnings: [...(parsed.warnings ?? []), ...(encoding === MIXED_ENCODING ? [notes.mixedEncoding()] : []), ...(broken > 0 ? [notes.brokenCharacters(broken)] : [])],
    suggestedCase: caseAsSpoken(fileName, suggestedCase, new Set(turns.map((t) => t.speaker))),
    suggestedKind,
    suggestedDate: suggestSourceDate(fileName),
    language: guessLanguage(text),
  };
}

/** The formats as a researcher names them, for refusals. */
const FORMAT_NAMES: Record<string, string> = {
  txt: 'text',
  md: 'Markdown',
  docx: 'Word',
  doc: 'Word 97–2003',
  pdf: 'PDF',
  odt: 'OpenDocument',
  rtf: 'RTF',
  html: 'web page',
  htm: 'web page',
  vtt: 'WebVTT subtitle',
  srt: 'SRT subtitle',
  otr: 'oTranscribe',
  csv: 'CSV',
  xlsx: 'Excel',
  ods: 'OpenDocument spreadsheet',
};

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** The refusal for a file over the limit, also given before reading a file whose size is known. */
export function tooLargeError(fileName: string, size: number, limit = DEFAULT_MAX_BYTES): ImportError {
  return { code: 'too-large', fileName, ...tooLarge(size, limit) };
}

function tooLarge(size: number, limit: number) {
  return { message: `the file is ${formatMB(size)}, over the size limit of ${formatMB(limit)}`, params: { size: formatMB(size), limit: formatMB(limit) } };
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
