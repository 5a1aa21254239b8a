import type { ParagraphRange, SpeakerTurn } from '../model/types';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?`;

/**
 * A speaker's name as transcribers write it: "E", "P1", "Dr. Pérez", "Entrevistador/a",
 * "Entrevistador(a)", "Madre (P3)", "Social Worker 5".
 */
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}.'’ /()-]{0,40}?`;

/**
 * A speaker label opening a paragraph: "Interviewer:", "E:", "Entrevistadora:", "P1:",
 * "Caregiver 1:", "Social Worker 5:", "[id1]", "[E]:", optionally after a timestamp
 * ("00:01:23 Speaker 1:") or a dialogue dash ("—Entrevistadora:"), or with a timestamp
 * after the name ("Speaker 1 (00:01:23):", "JS [00:01:23]", which needs no colon), or the
 * Spanish ".-" for a colon ("E.- ¿Cómo está?"), or a tab for one, as Word transcripts set
 * names in a column of their own ("Interviewer⇥How…"); in bold as Markdown writes it ("**E:**").
 * The words may follow the colon without a space
 * ("E:¿Cómo está?"), but not a digit or a slash, so "10:30" and "http://" are no labels.
 */
const LABEL = new RegExp(
  String.raw`^\s*(?:\[?\(?${TIME}\)?\]?\s*[-–]?\s*)?(?:[-–—]\s*)?(?:\*\*|__)?(?:\[([^\]\n]{1,40})\]:?(?=\s|$)|(${NAME})\s*(?:\[${TIME}\]\s*:?(?=\s+\S)|(?:\(${TIME}\)\s*)?(?::(?=\s|$|[¿¡«"“\p{L}*_])|\.[-–](?=\s)|\t)))(?:\*\*|__)?`,
  'u',
);

/**
 * A paragraph that is only a label, the words following on the next lines, as Otter, Rev
 * and Descript write: "Speaker 1  0:03", "Interviewer (00:01:12):", "ENTREVISTADORA:".
 * Without a timestamp it must end with a colon, so a heading is not taken for a speaker.
 */
const LABEL_LINE = new RegExp(String.raw`^\s*(${NAME})\s*(?:(?:[-–]\s*)?(?:[[(]?${TIME}[\])]?)\s*:?|:)\s*$`, 'u');

/** The same, the time first, as Trint and some Word exports write it: "00:00:03 Ana Pérez". */
const TIMED_LABEL_LINE = new RegExp(String.raw`^\s*[[(]?${TIME}[\])]?\s*[-–]?\s*(${NAME})\s*:?\s*$`, 'u');

const MAX_LABEL_WORDS = 4;

function isLabelName(name: string): boolean {
  // A note in brackets after a code says who it is ("P1 (madre)", "E (trabajadora social)").
  const coded = name.includes('(') ? /^(\S+)\s+\([^()]*\)$/u.exec(name) : null;
  if (coded && /\d|^\p{Lu}+$/u.test(coded[1])) return true;
  if (!name) return false;
  // Most labels are one word ("E", "entrevistador", "P1"): no need to split them.
  if (!/\s/.test(name)) return /^\p{L}/u.test(name) || /^\p{Lu}?\p{N}+$/u.test(name);
  const words = name.split(/\s+/);
  if (words.length > MAX_LABEL_WORDS) return false;
  // "Social Worker 5", "Trabajadora social 3", "Dr. Pérez": not "The goals are".
  // A word in brackets counts by what is inside: "Madre (P3)".
  return /^\p{N}+$/u.test(words[words.length - 1]) || words.every((w) => /^\(?[\p{Lu}\p{N}]/u.test(w));
}

/**
 * A transcript laid out as a table (Word, ODT): each row is read "cell | cell", the speaker
 * in the first cell ("Interviewer | How did it go?"), or in the second after a time
 * ("00:01:23 | Speaker 1 | Hello"), as transcription services export to Word.
 */
const TABLE_ROW = new RegExp(
  String.raw`^\s*(?:\[?${TIME}\]?\s*\|\s*)?([^|
]{1,40}?):?\s*\|\s*(?=\S)`,
  'u',
);

/**
 * The speaker label opening a line, and where the words after it begin. A role in words
 * ("Trabajadora social:", "Madre de Tomás:") is `weak`: prose opens lines that way too
 * ("Lo que dijo fue:"), so it counts only in a dialogue (see detectTurns).
 */
export function matchSpeakerLabel(line: string): { name: string; end: number; weak?: boolean } | null {
  // Most lines have no cell bar: the row pattern's lazy name scan is then not worth trying.
  const row = line.includes('|') ? TABLE_ROW.exec(line) : null;
  if (row) {
    const name = row[1].trim();
    if (!/\p{L}/u.test(name)) return null;
    return isLabelName(name) ? { name, end: row[0].length } : isRoleName(name) ? { name, end: row[0].length, weak: true } : null;
  }
  const m = LABEL.exec(line);
  if (!m) return null;
  // "E.:", "P3.:" and "Resp.:" are E, P3 and Resp, as their other lines may write them.
  const name = (m[1] ?? m[2] ?? '').trim().replace(/^([\p{L}\p{N}]{1,6})\.$/u, '$1');
  if (m[2] !== undefined && !isLabelName(name)) return isRoleName(name) ? { name, end: m[0].length, weak: true } : null;
  // A number before a tab is a table's cell, not a speaker.
  if (m[0].endsWith('\t') && !/\p{L}/u.test(name)) return null;
  if (m[1] !== undefined && !isBracketLabel(name)) return null;
  if (!name || (m[1] !== undefined && name.split(/\s+/).length > MAX_LABEL_WORDS)) return null;
  return { name, end: m[0].length };
}

/** Words that open a transcriber's or a report's line with a colon, and are no one's name. */
const NOT_A_PERSON = new Set([
  'nota',
  'notas',
  'note',
  'notes',
  'nb',
  'obs',
  'observación',
  'observacion',
  'observaciones',
  'observação',
  'observation',
  'comentario',
  'comentário',
  'comment',
  'aclaración',
  'aclaracion',
  'pausa',
  'pause',
  'silencio',
  'silêncio',
  'silence',
  'interrupción',
  'interrupção',
  'fin',
  'fim',
  'end',
  'inicio',
  'início',
  'start',
  'pregunta',
  'pergunta',
  'question',
  'respuesta',
  'resposta',
  'answer',
  'tema',
  'topic',
  'fecha',
  'data',
  'date',
  'hora',
  'time',
  'lugar',
  'local',
  'place',
  'primero',
  'segundo',
  'tercero',
  'primeiro',
  'terceiro',
  'first',
  'second',
  'third',
  'ejemplo',
  'exemplo',
  'example',
  'importante',
  'important',
  'resumen',
  'resumo',
  'summary',
]);

/** What transcribers write in brackets that is not a person: "[inaudible]", "[risas]"… */
const NOT_SPEAKERS = new Set([
  'inaudible',
  'unintelligible',
  'crosstalk',
  'laughs',
  'laughter',
  'laughing',
  'pause',
  'silence',
  'music',
  'applause',
  'noise',
  'cough',
  'coughs',
  'sighs',
  'overlapping',
  'ininteligible',
  'incomprensible',
  'risas',
  'ríe',
  'pausa',
  'silencio',
  'ruido',
  'música',
  'llanto',
  'llora',
  'tos',
  'suspira',
  'interrupción',
  'inaudível',
  'incompreensível',
  'risos',
  'ri',
  'silêncio',
  'barulho',
  'choro',
  'chora',
  'tosse',
  'suspiro',
]);

/**
 * A bracketed label names a speaker ("[id2]", "[P1]", "[Moderadora]"), not a sound or an
 * inaudible stretch: it holds a digit or begins with a capital, and is not a transcriber's
 * note such as "[Inaudible]" or "[risas]".
 */
function isBracketLabel(name: string): boolean {
  if (NOT_SPEAKERS.has(name.toLowerCase())) return false;
  return /\d/.test(name) || /^\p{Lu}/u.test(name);
}

/** The speaker a line opens with, weak labels aside. */
export function speakerLabelAt(line: string): string | null {
  const label = matchSpeakerLabel(line);
  return label && !label.weak ? label.name : null;
}

/** Words that open a sentence, not a role: "Por ejemplo:", "Lo que dijo fue:", "The goals are:". */
const FUNCTION_WORDS = new Set([
  'el',
  'la',
  'los',
  'las',
  'lo',
  'un',
  'una',
  'unos',
  'unas',
  'en',
  'de',
  'del',
  'al',
  'por',
  'para',
  'con',
  'sin',
  'como',
  'que',
  'y',
  'o',
  'pero',
  'si',
  'no',
  'mi',
  'mis',
  'su',
  'sus',
  'este',
  'esta',
  'estos',
  'estas',
  'ese',
  'esa',
  'eso',
  'esto',
  'ya',
  'también',
  'además',
  'entonces',
  'luego',
  'así',
  'es',
  'son',
  'fue',
  'era',
  'hay',
  'se',
  'le',
  'les',
  'me',
  'yo',
  'nos',
  'ella',
  'él',
  'ellos',
  'ellas',
  'cuando',
  'donde',
  'porque',
  'aunque',
  'sobre',
  'entre',
  'hasta',
  'desde',
  'os',
  'as',
  'um',
  'uma',
  'em',
  'na',
  'nos',
  'nas',
  'do',
  'da',
  'dos',
  'das',
  'com',
  'sem',
  'mas',
  'não',
  'meu',
  'minha',
  'seu',
  'sua',
  'isso',
  'isto',
  'ao',
  'já',
  'então',
  'assim',
  'é',
  'são',
  'foi',
  'há',
  'eu',
  'ele',
  'eles',
  'elas',
  'quando',
  'onde',
  'porque',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'of',
  'for',
  'to',
  'with',
  'without',
  'as',
  'that',
  'this',
  'these',
  'those',
  'and',
  'or',
  'but',
  'if',
  'not',
  'my',
  'his',
  'her',
  'its',
  'our',
  'their',
  'so',
  'then',
  'also',
  'is',
  'are',
  'was',
  'were',
  'there',
  'it',
  'we',
  'i',
  'you',
  'he',
  'she',
  'they',
  'when',
  'where',
  'what',
  'how',
  'why',
]);

/**
 * A role or a relation in a few words, as transcripts name people they do not number:
 * "Trabajadora social", "Abuela materna", "Madre de Tomás", "Social worker".
 */
function isRoleName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !/^\p{Lu}/u.test(name)) return false;
  const first = words[0].toLowerCase();
  return !FUNCTION_WORDS.has(first) && !NOT_A_PERSON.has(first) && words.every((w) => /^[\p{L}.'’-]+$/u.test(w)) && !FUNCTION_WORDS.has(words[words.length - 1].toLowerCase());
}

/** The speaker of a paragraph that holds only a label (the words follow below it). */
export function matchLabelLine(line: string): string | null {
  return labelLine(line)?.name ?? null;
}

function labelLine(line: string): { name: string; timed: boolean; bare?: boolean } | null {
  if (line.length > 80) return null;
  const timeFirst = TIMED_LABEL_LINE.exec(line);
  const m = timeFirst ?? LABEL_LINE.exec(line);
  if (!m) {
    const bare = BARE_CAPITALS.exec(line);
    return bare && isLabelName(bare[1].trim()) ? { name: bare[1].trim(), timed: false, bare: true } : null;
  }
  const name = m[1].trim();
  const timed = !!timeFirst || new RegExp(TIME).test(line.slice(line.indexOf(m[1]) + m[1].length));
  return isLabelName(name) && /[\p{L}]/u.test(name) ? { name, timed } : null;
}

const TIME_SPAN = new RegExp(String.raw`^\[?${TIME}\]?(?:\s*[-–]\s*\[?${TIME}\]?)?$`);

/**
 * NVivo's transcripts put the speaker last: "0:00:03.0 - 0:00:10.5 | words | Speaker 1"
 * (cells of a Word table, or tab-separated text). `start` is the row's beginning, `end`
 * gives its last characters, where the speaker's cell is.
 */
function speakerInLastCell(start: string, end: () => string): string | null {
  const separator = /\s*\|\s*|\t+/;
  if (!separator.test(start)) return null;
  const first = start.split(separator)[0].trim();
  const cells = end().split(separator);
  if (cells.length < 2 || !TIME_SPAN.test(first)) return null;
  const name = cells[cells.length - 1].trim();
  return isLabelName(name) && /\p{L}/u.test(name) && !TIME_SPAN.test(name) ? name : null;
}

/**
 * A name alone on its line in capitals, the words below it ("ENTREVISTADORA", "MADRE 2"),
 * as some transcribers set speakers without a colon. A heading looks the same, so these
 * count only when two or more such names each come back three times or more: a dialogue.
 */
const BARE_CAPITALS = /^\s*(\p{Lu}[\p{Lu}\p{N} .'’/-]{0,40}?)\s*$/u;

/**
 * Finds speaker turns in a plain transcript. A label counts only if it opens at least two
 * paragraphs (or is numbered like labels that do: "P7" among P1, P2, or comes once between
 * two people who speak more), so a report's single "Keywords:" or "Note:" is not taken for
 * a speaker;
 * timestamped label lines ("Speaker 2  0:07") count once there are two of them.
 * A turn runs until the next speaker.
 */
export function detectTurns(text: string, paragraphs: ParagraphRange[]): SpeakerTurn[] {
  const found = paragraphs.map((p) => {
    const line = text.slice(p.start, Math.min(p.end, p.start + 120));
    const inline = matchSpeakerLabel(line);
    if (inline) return { name: inline.name, timed: false, bare: false, weak: inline.weak };
    const trailing = speakerInLastCell(line, () => text.slice(Math.max(p.start, p.end - 60), p.end));
    return trailing ? { name: trailing, timed: true, bare: false } : labelLine(line);
  });
  const counts = new Map<string, number>();
  for (const l of found) if (l) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  const timedLines = found.filter((l) => l?.timed).length;
  const bareSpeakers = new Set(found.filter((l) => l?.bare && (counts.get(l.name) ?? 0) >= 3).map((l) => l!.name));
  // Someone who speaks once is a speaker too when named like the others: "P7" among P1, P2…
  const numbered = (name: string) => (/\d/.test(name) ? name.replace(/\d+/g, '#') : null);
  const speakerShapes = new Set([...counts].filter(([name, n]) => n >= 2 && numbered(name)).map(([name]) => numbered(name)));
  // A timed line said once is a speaker only with words under it: "00:05:00 Pausa" followed by the next speaker is a note.
  const saysSomething = (i: number) => i + 1 < found.length && !found[i + 1];
  // Someone named once between two turns of people who speak more ("Ana: Yo también." in a
  // focus group) is a speaker too, unless the name is a transcriber's word ("Nota:").
  const recurring = (j: number) => {
    const g = found[j];
    return !!g && !g.bare && (counts.get(g.name) ?? 0) >= 2;
  };
  const betweenSpeakers = (f: NonNullable<(typeof found)[number]>, i: number) =>
    !f.timed && recurring(i - 1) && recurring(i + 1) && /^\p{Lu}/u.test(f.name) && f.name.split(/\s+/).length <= 3 && !NOT_A_PERSON.has(f.name.toLowerCase());
  // A role in words ("Trabajadora social:") is a speaker when it recurs in a dialogue:
  // someone else recurs too, and mostly it answers or is answered by another label
  // (a report's "Resultados principales:" stands among paragraphs without one).
  const answered = new Map<string, number>();
  found.forEach((f, i) => {
    if (f && ((found[i - 1] && found[i - 1]!.name !== f.name) || (found[i + 1] && found[i + 1]!.name !== f.name))) answered.set(f.name, (answered.get(f.name) ?? 0) + 1);
  });
  const inDialogue = (name: string) => (answered.get(name) ?? 0) * 2 >= (counts.get(name) ?? 0) && [...counts].some(([other, n]) => other !== name && n >= 2);
  // Two different labels shaped as a role and its number ("Caregiver 1:", "Social Worker 5:")
  // that answer each other are two people talking, even when each speaks once.
  const roleWithNumber = (name: string) => /^\p{Lu}[\p{L}.]*(?: [\p{L}.]+){0,3} \d{1,3}$/u.test(name);
  // Different roles: "Paso 1:", "Paso 2:" are a list's steps, "Capítulo 1:", "Capítulo 2:" a report's parts.
  const role = (name: string) => name.replace(/\s*\d+$/, '').toLowerCase();
  const alternating = new Set<string>();
  found.forEach((f, i) => {
    const next = found[i + 1];
    if (f && next && !f.timed && !next.timed && roleWithNumber(f.name) && roleWithNumber(next.name) && role(f.name) !== role(next.name)) {
      alternating.add(f.name);
      alternating.add(next.name);
    }
  });
  const isSpeaker = (f: NonNullable<(typeof found)[number]>, i: number) =>
    alternating.has(f.name) ||
    (f.bare
      ? bareSpeakers.size >= 2 && bareSpeakers.has(f.name)
      : 'weak' in f && f.weak
        ? (counts.get(f.name) ?? 0) >= 2 && inDialogue(f.name)
        : (counts.get(f.name) ?? 0) >= 2 || (f.timed && timedLines >= 2 && saysSomething(i)) || speakerShapes.has(numbered(f.name)) || betweenSpeakers(f, i));
  const turns: SpeakerTurn[] = [];
  found.forEach((f, i) => {
    const p = paragraphs[i];
    if (f && isSpeaker(f, i)) {
      turns.push({ speaker: f.name, start: p.start, end: p.end });
    } else if (turns.length > 0) {
      // Words under a label that is not a speaker's ("Nota:", "Primero:") stay in the turn.
      turns[turns.length - 1].end = p.end;
    }
  });
  return turns;
}
