/**
 * Suggests the case a file belongs to from its name, as researchers name files after
 * participants: "ARIII_phone.docx" → "ARIII", "Caregiver 1 - session 3.txt" → "Caregiver 1",
 * "P07_entrevista.txt" → "P07", "DRI-indepth.odt" → "DRI".
 */
export function suggestCaseName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim();
  if (!base) return undefined;
  const labelled = /^((?:caregiver|cuidador[a]?|social worker|trabajador[a]? social|participant[e]?|dyad|d[ií]ada|respondent|entrevistad[oa]|caso|case|familia|family)\s*\d+)/i.exec(base);
  if (labelled) return labelled[1].replace(/\s+/g, ' ');
  const first = base.split(/[\s_\-–.,()]+/).filter(Boolean)[0];
  return first || undefined;
}
