/** Words in file names that say what the file is, not whose it is. */
const GENERIC = new Set([
  'entrevista',
  'entrevistas',
  'interview',
  'interviews',
  'transcript',
  'transcripcion',
  'transcripción',
  'transcrição',
  'transcricao',
  'informe',
  'informes',
  'report',
  'reporte',
  'relatorio',
  'relatório',
  'phone',
  'telefonica',
  'telefónica',
  'telefonico',
  'telefone',
  'profundidad',
  'profundidade',
  'indepth',
  'in',
  'depth',
  'encuesta',
  'survey',
  'notas',
  'nota',
  'notes',
  'field',
  'campo',
  'de',
  'del',
  'da',
  'do',
  'the',
  'final',
  'version',
  'versión',
  'copia',
  'copy',
  'borrador',
  'draft',
  'audio',
  'zoom',
  'teams',
  'sesion',
  'sesión',
  'session',
  'recording',
  'grabación',
  'grabacion',
  'gravação',
  'gravacao',
  'meeting',
  'reunión',
  'reunion',
  'reunião',
  'reuniao',
  'only',
  'otter',
  'trint',
  'transcription',
  'transcripts',
  'transcrito',
  'transcrita',
  'video',
  'vídeo',
  'call',
  'llamada',
  'chamada',
  'la',
  'el',
  'los',
  'las',
  'a',
  'o',
  'os',
  'as',
  'em',
  'no',
  'na',
  'con',
  'com',
  'of',
  'with',
  'para',
  'por',
  'for',
]);

/** What recorders stamp on a file's name: Zoom's "GMT20230512-140102", a clock time "140102". */
const STAMP = /^(gmt\d{8}|\d{5,})$/i;

/** Language tags, encodings, formats and tools that file names carry: "latin1", "es", "utf8", "pandoc". */
const NOT_A_CASE = new Set(
  [
    'es',
    'en',
    'pt',
    'fr',
    'de',
    'it',
    'ca',
    'gl',
    'eu',
    'nl',
    'und',
    'esp',
    'eng',
    'por',
    'spa',
    'latin1',
    'latin9',
    'utf8',
    'utf16',
    'ascii',
    'ansi',
    'cp1252',
    'cp850',
    'iso88591',
    'win1252',
    'mac',
    'macroman',
    'pdf',
    'docx',
    'doc',
    'txt',
    'rtf',
    'odt',
    'vtt',
    'srt',
    'md',
    'html',
    'csv',
    'xlsx',
    'mp3',
    'mp4',
    'm4a',
    'wav',
    'h264',
    'x64',
    'win32',
    'pandoc',
    'chardet',
    'otter',
    'trint',
    'sonix',
    'rev',
    'descript',
    'whisper',
    'nvivo',
    'maxqda',
    'atlas',
    'atlasti',
    'qualcoder',
    'taguette',
    'word',
    'libreoffice',
    'sample',
    'test',
    'ejemplo',
    'exemplo',
    'example',
    'demo',
    'nuevo',
    'new',
    'old',
    'ok',
    'bom',
    'crlf',
    'lf',
  ].map((w) => w.toLowerCase()),
);

/**
 * Whether a word of a file name looks like a case: a code (ARIII, DRI, P07, RLA), a word with
 * a number (P3, Madre2), never a language tag, an encoding, a format, a tool, or a hash.
 */
function caseLike(token: string): boolean {
  if (NOT_A_CASE.has(token.toLowerCase()) || /^[0-9a-f]{8,}$/i.test(token) || /^[a-z]*\d+[a-z]+\d/i.test(token)) return false;
  return /^\p{Lu}[\p{Lu}\d]{1,7}$/u.test(token) || /^\p{L}{1,12}\d{1,3}$/u.test(token);
}

/**
 * Suggests the case a file belongs to from its name, as researchers name files after
 * participants: "ARIII_phone.docx" → "ARIII", "Informe_RLA_Rep1.txt" → "RLA",
 * "Caregiver 1 - session 3.txt" → "Caregiver 1", "entrevista_DRC.docx" → "DRC".
 */
export function suggestCaseName(fileName: string): string | undefined {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  if (!base) return undefined;
  const labelled =
    /((?:caregiver|cuidador[a]?|social[\s_-]*worker|trabajador[a]?[\s_-]*social|participant[e]?|dyad|d[ií]ada|respondent|entrevistad[oa]|caso|case|familia|family|focus[\s_-]*group|grupo[\s_-]*focal)[\s_-]*\d+)/i.exec(
      base,
    );
  // "Cuidadora5" and "Cuidadora_5" name the one the transcript calls "Cuidadora 5".
  if (labelled) return labelled[1].replace(/[\s_-]+/g, ' ').replace(/(\p{L})(\d)/u, '$1 $2');
  const tokens = fileNameTokens(base);
  const isMeta = (t: string) =>
    GENERIC.has(t.toLowerCase()) || STAMP.test(t) || /^(rep|report|informe|session|sesion|s|v|t)\d+$/i.test(t) || /^\d{1,4}$/.test(t) || /^\d{4}-?\d{2}-?\d{2}$/.test(t);
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at];
    if (isMeta(t) || NOT_A_CASE.has(t.toLowerCase())) continue;
    // A word and its number name one person among several: "Entrevista madre 3" → "madre 3", not "madre".
    // (Numbers that go on into more numbers are a date: "DRI 03.06.2023" → "DRI".)
    if (/^\p{L}+$/u.test(t) && /^\d{1,3}$/.test(tokens[at + 1] ?? '') && !/^\d+$/.test(tokens[at + 2] ?? '')) return `${t} ${tokens[at + 1]}`;
    if (caseLike(t)) return t;
  }
  // Nothing names a case: a language tag, a tool, a hash or a plain word invents none (a
  // speaker of that name, or a case the project has, is found later: caseAsSpoken, the store).
  return undefined;
}

/** The words of a file name, as case suggestions read them. */
export function fileNameTokens(fileName: string): string[] {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .split(/[\s_\-–.,()]+/)
    .filter(Boolean);
}

/**
 * The case as the transcript itself names the person: a file "Madre2.rtf" or "Entrevista
 * madre 3.docx" whose speaker is "Madre 2" or "Madre 3" belongs to that case, so the
 * case and the speaker read alike in tables and citations; and in "rev_P3.txt", where P3
 * speaks, the case is P3 rather than the file's first word.
 */
export function caseAsSpoken(fileName: string, suggested: string | undefined, speakers: Iterable<string>): string | undefined {
  const key = (name: string) =>
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
  const bySpeaker = new Map([...speakers].map((s) => [key(s), s]));
  if (suggested && bySpeaker.has(key(suggested))) return bySpeaker.get(key(suggested));
  const tokens = fileNameTokens(fileName);
  const named = new Set<string>();
  tokens.forEach((t, i) => {
    for (const candidate of [t, `${t}${tokens[i + 1] ?? ''}`]) if (bySpeaker.has(key(candidate))) named.add(bySpeaker.get(key(candidate))!);
  });
  return named.size === 1 ? [...named][0] : suggested;
}

/**
 * A case name however it is written: "Madre_2", "madre 2" and "Madre2", "P01" and "P1",
 * "José" and "Jose" give one key. Used where a name must find its case (a classification
 * sheet's row, an imported file's suggested case), and only when the key names one case.
 */
export function looseCaseKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s_.\-–]+/g, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}
