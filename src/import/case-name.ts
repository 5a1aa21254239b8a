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
  const tokens = base.split(/[\s_\-–.,()]+/).filter(Boolean);
  const isMeta = (t: string) =>
    GENERIC.has(t.toLowerCase()) || STAMP.test(t) || /^(rep|report|informe|session|sesion|s|v|t)\d+$/i.test(t) || /^\d{1,4}$/.test(t) || /^\d{4}-?\d{2}-?\d{2}$/.test(t);
  const at = tokens.findIndex((t) => !isMeta(t));
  // A name that only says when it was recorded names nobody: "GMT20230512-140102_Recording".
  if (at === -1) return STAMP.test(tokens[0]) || /^\d/.test(tokens[0]) ? undefined : tokens[0];
  // A word and its number name one person among several: "Entrevista madre 3" → "madre 3", not "madre".
  // (Numbers that go on into more numbers are a date: "DRI 03.06.2023" → "DRI".)
  const numbered = /^\p{L}+$/u.test(tokens[at]) && /^\d{1,3}$/.test(tokens[at + 1] ?? '') && !/^\d+$/.test(tokens[at + 2] ?? '');
  return numbered ? `${tokens[at]} ${tokens[at + 1]}` : tokens[at];
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
  const tokens = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .split(/[\s_\-–.,()]+/)
    .filter(Boolean);
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
