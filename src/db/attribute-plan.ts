import { inferAttributeType } from '../import/attribute-values';
import type { ImportedCase } from '../import/result';
import { added, updated, type Change } from '../model/change';
import type { Attribute } from '../model/types';
import { newId } from '../util/id';

/**
 * The attributes a set of imported cases (a survey's respondents, a classification
 * sheet's rows) needs: found by name, whatever its case, or created with a type read
 * from the values; a category attribute gains the new categories. Returns the attribute
 * for each column name, and the changes to store (part of the import's undo step).
 */
export function planAttributes(existing: Attribute[], projectId: string, cases: ImportedCase[]): { byColumn: Map<string, Attribute>; changes: Change[] } {
  const columns = [...new Set(cases.flatMap((c) => Object.keys(c.values)))];
  const byName = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
  const byColumn = new Map<string, Attribute>();
  const changes: Change[] = [];
  let order = existing.length;
  for (const column of columns) {
    const values = cases.map((c) => (c.values[column] ?? '').trim());
    let attr = byName.get(column.toLowerCase());
    if (!attr) {
      const { type, categories } = inferAttributeType(values);
      attr = { id: newId(), projectId, name: column, type, values: categories, order: order++ };
      changes.push(added('attributes', attr.id, attr));
    } else if (attr.type === 'category') {
      const extra = [...new Set(values.filter((v) => v && !attr!.values.includes(v)))];
      if (extra.length) {
        const before = attr;
        attr = { ...attr, values: [...attr.values, ...extra] };
        changes.push(updated('attributes', attr.id, before, attr));
      }
    }
    byName.set(column.toLowerCase(), attr);
    byColumn.set(column, attr);
  }
  return { byColumn, changes };
}
