import { looseCaseKey as looseKey } from './case-name';
import type { CsvTable } from './csv-table';

/** A classification sheet matched against the project's cases, for the preview. */
export interface ClassificationMatch {
  nameColumn: string;
  attributeColumns: string[];
  /** Each row that found its case: the name as the sheet writes it, and the case's own. */
  matched: { caseName: string; name: string; row: number }[];
  unmatched: { name: string; row: number }[];
  /** Cases of the project the sheet does not mention. */
  untouched: string[];
}

const key = (s: string) => s.trim().normalize('NFC').toLowerCase();

/**
 * Matches sheet rows to cases by name: as written (ignoring case and surrounding spaces),
 * else as the same name written another way (spaces, underscores, accents, leading zeros)
 * when that names one case only. The name column is the one that matches the most cases,
 * unless the researcher picks one.
 */
export function matchClassification(table: CsvTable, caseNames: string[], nameColumn?: string): ClassificationMatch {
  const exact = new Map(caseNames.map((n) => [key(n), n]));
  const loose = new Map<string, string | null>();
  for (const n of caseNames) loose.set(looseKey(n), loose.has(looseKey(n)) ? null : n);
  const find = (name: string) => exact.get(key(name)) ?? loose.get(looseKey(name)) ?? undefined;
  // NVivo may export a case by its place in the case tree: "Cases\Participants\ARIII".
  const known = {
    get: (name: string) => find(name) ?? (/[\\/]/.test(name) ? find(name.replace(/^.*[\\/]/, '')) : undefined),
    has: (name: string) => known.get(name) !== undefined,
  };
  const score = (i: number) => table.rows.filter((r) => known.has(r[i])).length;
  let nameIndex = nameColumn ? table.columns.indexOf(nameColumn) : -1;
  if (nameIndex < 0) {
    nameIndex = 0;
    table.columns.forEach((_, i) => {
      if (score(i) > score(nameIndex)) nameIndex = i;
    });
  }
  const matched: ClassificationMatch['matched'] = [];
  const unmatched: ClassificationMatch['unmatched'] = [];
  const seen = new Set<string>();
  table.rows.forEach((r, row) => {
    const name = r[nameIndex].trim();
    if (!name) return;
    const found = known.get(name);
    if (found) {
      matched.push({ caseName: found, name, row });
      seen.add(found);
    } else unmatched.push({ name, row });
  });
  return {
    nameColumn: table.columns[nameIndex],
    attributeColumns: table.columns.filter((_, i) => i !== nameIndex),
    matched,
    unmatched,
    untouched: caseNames.filter((n) => !seen.has(n)),
  };
}
