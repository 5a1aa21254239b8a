const HINTS: [RegExp, string][] = [
  [/phone|telef[oó]nic|telefone|llamada/i, 'phone interview'],
  [/in[-_ ]?depth|profundidad|profundidade|entrevista|interview|\bEP\b/i, 'in-depth interview'],
  [/report|informe|reporte|relat[oó]rio|\brep\b/i, 'report'],
  [/field[-_ ]?note|notebook|nota[s]? de campo|cuaderno|di[aá]rio de campo/i, 'field note'],
  [/survey|encuesta|question[aá]rio|cuestionario/i, 'survey answer'],
];

/** Suggests a source kind from the file name ("ARIII_phone.docx" → phone interview). */
export function guessSourceKind(fileName: string, kinds: string[]): string {
  for (const [pattern, kind] of HINTS) if (pattern.test(fileName) && kinds.includes(kind)) return kind;
  return kinds.includes('other') ? 'other' : kinds[kinds.length - 1];
}
