import { coerceAttributeValue } from '../import/attribute-values';
import { ResearcherError } from '../model/errors';
import type { ClassificationMatch } from '../import/classification';
import type { CsvTable } from '../import/csv-table';
import { added, removed, updated, type Change } from '../model/change';
import type { Attribute, AttributeType, AttributeValue, Case } from '../model/types';
import { newId } from '../util/id';
import { planAttributes } from './attribute-plan';
import { commitChanges, step } from './changes';
import type { QdaDatabase } from './database';

// Every edit of the cases sheet is one step in the history: a researcher who pastes the
// wrong value, renames the wrong case or deletes an attribute takes it back with Ctrl+Z.

async function assertUniqueCaseName(db: QdaDatabase, projectId: string, name: string, exceptId?: string) {
  const clash = await db.cases.where('[projectId+name]').equals([projectId, name]).first();
  if (clash && clash.id !== exceptId) throw new ResearcherError('error.caseExists', { name });
}

/** Reads, checks and commits in one transaction, so no other edit slips in between. */
function inHistory<T>(db: QdaDatabase, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.cases, db.attributes, db.sources, db.projects, db.undoLog], work);
}

export async function createCase(db: QdaDatabase, projectId: string, name: string): Promise<Case> {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.caseName');
  return inHistory(db, async () => {
    await assertUniqueCaseName(db, projectId, trimmed);
    const kase: Case = { id: newId(), projectId, name: trimmed, description: '', values: {} };
    await commitChanges(db, projectId, step('history.newCase', { name: trimmed }), [added('cases', kase.id, kase)]);
    return kase;
  });
}

export async function renameCase(db: QdaDatabase, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.caseName');
  await inHistory(db, async () => {
    const kase = await db.cases.get(id);
    if (!kase || kase.name === trimmed) return;
    await assertUniqueCaseName(db, kase.projectId, trimmed, id);
    await commitChanges(db, kase.projectId, step('history.renameCase', { name: kase.name }), [updated('cases', id, kase, { ...kase, name: trimmed })]);
  });
}

/** Deletes a case; its sources stay, unlinked from it. */
export async function deleteCase(db: QdaDatabase, id: string): Promise<void> {
  await inHistory(db, async () => {
    const kase = await db.cases.get(id);
    if (!kase) return;
    const linked = await db.sources.where('caseIds').equals(id).toArray();
    await commitChanges(db, kase.projectId, step('history.deleteCase', { name: kase.name }), [
      ...linked.map((s) => updated('sources', s.id, s, { ...s, caseIds: s.caseIds.filter((c) => c !== id) })),
      removed('cases', id, kase),
    ]);
  });
}

/** Sets one attribute value of a case from what the researcher typed in the sheet. */
export async function setCaseValue(db: QdaDatabase, caseId: string, attributeId: string, typed: string): Promise<AttributeValue> {
  return inHistory(db, async () => {
    const [kase, attr] = await Promise.all([db.cases.get(caseId), db.attributes.get(attributeId)]);
    if (!kase || !attr) throw new ResearcherError('error.caseOrAttributeGone');
    const value = coerceAttributeValue(attr.type, typed);
    if (value === null && typed.trim() !== '') throw new ResearcherError('error.invalidValue', { value: typed, attribute: attr.name, type: { key: `attrType.${attr.type}` } });
    if ((kase.values[attributeId] ?? null) === value) return value;
    const changes: Change[] = [updated('cases', caseId, kase, { ...kase, values: { ...kase.values, [attributeId]: value } })];
    if (attr.type === 'category' && typeof value === 'string' && !attr.values.includes(value)) {
      changes.push(updated('attributes', attr.id, attr, { ...attr, values: [...attr.values, value] }));
    }
    await commitChanges(db, kase.projectId, step('history.setValue', { attribute: attr.name, case: kase.name }), changes);
    return value;
  });
}

export async function createAttribute(db: QdaDatabase, projectId: string, name: string, type: AttributeType, values: string[] = []): Promise<Attribute> {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.attributeName');
  return inHistory(db, async () => {
    const existing = await db.attributes.where('projectId').equals(projectId).toArray();
    if (existing.some((a) => a.name.toLowerCase() === trimmed.toLowerCase())) throw new ResearcherError('error.attributeExists', { name: trimmed });
    const attr: Attribute = { id: newId(), projectId, name: trimmed, type, values, order: existing.length };
    await commitChanges(db, projectId, step('history.newAttribute', { name: trimmed }), [added('attributes', attr.id, attr)]);
    return attr;
  });
}

/**
 * Changes an attribute's name or type (values are converted to the new type where they can
 * be), or the order of a category's values (the order tables show their groups in:
 * "Without training" before "With training").
 */
export async function updateAttribute(db: QdaDatabase, id: string, patch: { name?: string; type?: AttributeType; categoryOrder?: string[] }): Promise<void> {
  await inHistory(db, async () => {
    const attr = await db.attributes.get(id);
    if (!attr) return;
    const name = patch.name?.trim() ?? attr.name;
    if (!name) throw new ResearcherError('error.attributeName');
    const type = patch.type ?? attr.type;
    let categories = attr.values;
    const changes: Change[] = [];
    if (type !== attr.type) {
      const cases = await db.cases.where('projectId').equals(attr.projectId).toArray();
      for (const c of cases) {
        const old = c.values[id];
        if (old === undefined || old === null) continue;
        changes.push(updated('cases', c.id, c, { ...c, values: { ...c.values, [id]: coerceAttributeValue(type, String(old)) } }));
      }
      if (type === 'category')
        categories = [
          ...new Set(
            cases
              .map((c) => c.values[id])
              .filter((v) => v !== null && v !== undefined)
              .map(String),
          ),
        ];
    }
    if (patch.categoryOrder && type === 'category') categories = [...new Set([...patch.categoryOrder.filter((v) => categories.includes(v)), ...categories])];
    changes.push(updated('attributes', id, attr, { ...attr, name, type, values: categories }));
    const label = name !== attr.name ? 'history.renameAttribute' : type !== attr.type ? 'history.attributeType' : 'history.categoryOrder';
    await commitChanges(db, attr.projectId, step(label, { name: attr.name }), changes);
  });
}

export async function deleteAttribute(db: QdaDatabase, id: string): Promise<void> {
  await inHistory(db, async () => {
    const attr = await db.attributes.get(id);
    if (!attr) return;
    const cases = await db.cases.where('projectId').equals(attr.projectId).toArray();
    const changes: Change[] = cases
      .filter((c) => id in c.values)
      .map((c) => {
        const values = { ...c.values };
        delete values[id];
        return updated('cases', c.id, c, { ...c, values });
      });
    await commitChanges(db, attr.projectId, step('history.deleteAttribute', { name: attr.name }), [...changes, removed('attributes', id, attr)]);
  });
}

/**
 * Applies a classification sheet: sets attributes on the matched cases and, if asked,
 * creates cases for the unmatched rows. One transaction, one undo step.
 */
export async function applyClassification(
  db: QdaDatabase,
  projectId: string,
  table: CsvTable,
  match: ClassificationMatch,
  createUnmatched: boolean,
): Promise<{ updated: number; created: number }> {
  const nameIndex = table.columns.indexOf(match.nameColumn);
  const rows = [
    ...match.matched.map((m) => ({ name: m.caseName, row: table.rows[m.row] })),
    ...(createUnmatched ? match.unmatched.map((u) => ({ name: u.name, row: table.rows[u.row] })) : []),
  ];
  const imported = rows.map(({ name, row }) => ({
    name,
    values: Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? ''] as const).filter((_, i) => i !== nameIndex)),
  }));
  return inHistory(db, async () => {
    const [attributes, cases] = await Promise.all([db.attributes.where('projectId').equals(projectId).toArray(), db.cases.where('projectId').equals(projectId).toArray()]);
    // Columns become attributes, found by name or created with a type read from their values.
    const { byColumn, changes } = planAttributes(attributes, projectId, imported);
    const caseByName = new Map(cases.map((c) => [c.name, c]));
    let created = 0;
    for (const { name, values } of imported) {
      const existing = caseByName.get(name);
      const kase: Case = existing ? { ...existing, values: { ...existing.values } } : { id: newId(), projectId, name, description: '', values: {} };
      for (const [column, raw] of Object.entries(values)) {
        const attr = byColumn.get(column)!;
        if (raw.trim() !== '') kase.values[attr.id] = coerceAttributeValue(attr.type, raw);
      }
      if (existing) changes.push(updated('cases', kase.id, existing, kase));
      else {
        changes.push(added('cases', kase.id, kase));
        created++;
      }
      caseByName.set(name, kase);
    }
    await commitChanges(db, projectId, step('history.classification'), changes);
    return { updated: match.matched.length, created };
  });
}
