import type { CsvTable } from '../csv-table';
import { readSheetTable } from '../workbook-table';
import { joinParagraphs } from '../normalize';
import { fail, type ImportedCase, type ParsedText } from '../result';

/** How the researcher maps a survey's columns. */
export interface SurveyMapping {
  /**
   * Column holding the respondent id; it names the cases. Without one (Google Forms gives
   * only a time stamp) respondents are numbered in the order of the rows: "Respondent 3".
   */
  idColumn?: string;
  /** The word for a numbered respondent, in the researcher's language ("Encuestado 3"). */
  respondent?: string;
  /** Open-ended answer columns: these become sources. */
  answerColumns: string[];
  /** Columns that become case attributes. */
  attributeColumns: string[];
  /** One source per answer, or one per respondent holding all their answers. */
  sourcePer: 'answer' | 'respondent';
}

export interface SurveyPreview {
  table: CsvTable;
  mapping: SurveyMapping;
}

export interface SurveySource {
  name: string;
  caseName: string;
  parsed: ParsedText;
}

/** Reads a survey (CSV or an Excel workbook) and proposes a mapping the researcher then adjusts in the dialog. */
export async function previewSurvey(bytes: Uint8Array): Promise<SurveyPreview> {
  const table = await readSheetTable(bytes);
  return { table, mapping: guessSurveyMapping(table) };
}

/** Words that name a respondent's id column: "Response ID", "ResponseId", "Folio", "Código participante". */
const ID_WORDS = new Set(['id', 'respondent', 'participant', 'participante', 'folio', 'case', 'caso', 'code', 'código', 'codigo', 'identifier', 'identificador']);

function namesAnId(column: string): boolean {
  return column
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => ID_WORDS.has(w));
}

/** Columns Qualtrics, SurveyMonkey and Google Forms add about each response (in their English, Spanish and Portuguese exports). */
const SURVEY_TOOL_METADATA = new Set([
  'start date',
  'end date',
  'response type',
  'ip address',
  'progress',
  'duration (in seconds)',
  'finished',
  'recorded date',
  'recipient last name',
  'recipient first name',
  'recipient email',
  'external data reference',
  'location latitude',
  'location longitude',
  'distribution channel',
  'user language',
  'collector id',
  'email address',
  'first name',
  'last name',
  'custom data 1',
  'timestamp',
  'marca temporal',
  'carimbo de data/hora',
  'dirección de correo electrónico',
  'endereço de e-mail',
]);

/** A column named as an open question ("Comentario abierto", "Other comments", "¿Por qué?", "Explique"): short answers are answers too. */
const OPEN_QUESTION =
  /(?<!\p{L})(comentarios?|coment[aá]rios?|comments?|observaci[oó]n(es)?|observa[cç][oõ]es|abiert[ao]s?|abert[ao]s?|open|por qu[eé]|why|expli(que|ca)|describ[ae]|descreva|cu[eé]ntenos|conte-nos|tell us)(?!\p{L})/iu;

/**
 * The id column is one whose values are all present, short and unique, named like an id
 * if one is (survey tools put dates, which are unique too, before the response id);
 * answer columns are those where people wrote sentences; the rest describe the respondent.
 */
export function guessSurveyMapping(table: CsvTable): SurveyMapping {
  const { columns, rows } = table;
  const values = (i: number) => rows.map((r) => r[i].trim());
  const identifies = (i: number) => {
    const v = values(i);
    return v.every((x) => x !== '' && x.length <= 40) && new Set(v).size === v.length;
  };
  // A time stamp or an e-mail address is unique too, but names nobody as a researcher would.
  const candidates = columns.map((_, i) => i).filter((i) => !SURVEY_TOOL_METADATA.has(columns[i].toLowerCase()) && identifies(i));
  // Unless named as one, an id is a code or a name ("P07", "Ana"), not the answer to a
  // question that happened to differ in a small survey ("Trabajadora social").
  const codeLike = (i: number) => !columns[i].includes('?') && values(i).every((x) => !/\s/.test(x) || /\d/.test(x));
  const idIndex = candidates.find((i) => namesAnId(columns[i])) ?? candidates.find(codeLike) ?? -1;
  const answerColumns: string[] = [];
  const attributeColumns: string[] = [];
  columns.forEach((name, i) => {
    if (i === idIndex) return;
    const filled = values(i).filter(Boolean);
    // Left out unless the researcher asks: columns nobody filled, and what the survey tool
    // recorded about the response (times, IP address, e-mail, location), personal data included.
    if (filled.length === 0 || SURVEY_TOOL_METADATA.has(name.toLowerCase())) return;
    const meanWords = filled.reduce((n, v) => n + v.split(/\s+/).length, 0) / Math.max(1, filled.length);
    if (meanWords >= 6 || (meanWords >= 3 && OPEN_QUESTION.test(name))) answerColumns.push(name);
    else attributeColumns.push(name);
  });
  return { ...(idIndex >= 0 ? { idColumn: columns[idIndex] } : {}), answerColumns, attributeColumns, sourcePer: 'answer' };
}

/** Turns survey rows into sources (open answers) and cases (respondents with attributes). */
export function surveyToSources(table: CsvTable, mapping: SurveyMapping): { sources: SurveySource[]; cases: ImportedCase[] } {
  const col = (name: string) => {
    const i = table.columns.indexOf(name);
    if (i < 0) fail('survey-mapping', `the column "${name}" is not in the file`, { column: name });
    return i;
  };
  const idIndex = mapping.idColumn === undefined ? -1 : col(mapping.idColumn);
  const answers = mapping.answerColumns.map((name) => ({ name, i: col(name) }));
  const attributes = mapping.attributeColumns.map((name) => ({ name, i: col(name) }));
  if (answers.length === 0) fail('survey-mapping', 'no open-ended answer column was chosen');

  const sources: SurveySource[] = [];
  const cases: ImportedCase[] = [];
  table.rows.forEach((row, r) => {
    const caseName = row[idIndex]?.trim() || `${mapping.respondent?.trim() || 'Respondent'} ${r + 1}`;
    const values: Record<string, string> = {};
    for (const a of attributes) values[a.name] = row[a.i].trim();
    cases.push({ name: caseName, values });
    if (mapping.sourcePer === 'answer') {
      for (const a of answers) {
        const answer = row[a.i].trim();
        if (!answer) continue;
        sources.push({ name: `${caseName} – ${a.name}`, caseName, parsed: joinParagraphs(answer.split('\n')) });
      }
    } else {
      // Each question opens the answer under it, as a heading: coding by structure codes every answer to one question.
      const parts: string[] = [];
      const questions = new Map<number, number>();
      for (const a of answers) {
        if (!row[a.i].trim()) continue;
        questions.set(parts.length, 1);
        parts.push(a.name, ...row[a.i].trim().split('\n'));
      }
      if (parts.length) sources.push({ name: caseName, caseName, parsed: joinParagraphs(parts, questions) });
    }
  });
  if (sources.length === 0) fail('no-text', 'every chosen answer column is empty');
  return { sources, cases };
}
