import { coerceAttributeValue } from '../import/attribute-values';
import type { ClassificationMatch } from '../import/classification';
import type { CsvTable } from '../import/csv-table';
import type { Attribute, AttributeType, AttributeValue, Case } from '../model/types';
import { newId } from '../util/id';
import type { QdaDatabase } from './database';
import { ensureAttributes, findOrCreateCase } from './sources';

async function assertUniqueCaseName(db: QdaDatabase, projectId: string, name: string, exceptId?: string) {
  const clash = await db.cases.where('[projectId+name]').equals([projectId, name]).first();
  if (clash && clash.id !== exceptId) throw new Error(`A case named "${name}" already exists.`);
}

export async function createCase(db: QdaDatabase, projectId: string, name: string): Promise<Case> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A case needs a name.');
  return db.transaction('rw', db.cases, async () => {
    await assertUniqueCaseName(db, projectId, trimmed);
    return findOrCreateCase(db, projectId, trimmed);
  });
}

export async function renameCase(db: QdaDatabase, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A case needs a name.');
  await db.transaction('rw', db.cases, async () => {
    const kase = await db.cases.get(id);
    if (!kase) return;
    await assertUniqueCaseName(db, kase.projectId, trimmed, id);
    await db.cases.update(id, { name: trimmed });
  });
}

/** Deletes a case; its sources stay, unlinked from it. */
export async function deleteCase(db: QdaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.cases, db.sources, async () => {
    const linked = await db.sources.where('caseIds').equals(id).toArray();
    for (const s of linked) await db.sources.update(s.id, { caseIds: s.caseIds.filter((c) => c !== id) });
    await db.cases.delete(id);
  });
}

/** Sets one attribute value of a case from what the researcher typed in the sheet. */
export async function setCaseValue(db: QdaDatabase, caseId: string, attributeId: string, typed: string): Promise<AttributeValue> {
  return db.transaction('rw', db.cases, db.attributes, async () => {
    const [kase, attr] = await Promise.all([db.cases.get(caseId), db.attributes.get(attributeId)]);
    if (!kase || !attr) throw new Error('That case or attribute no longer exists.');
    const value = coerceAttributeValue(attr.type, typed);
    if (value === null && typed.trim() !== '') throw new Error(`"${typed}" is not a valid ${attr.type} for ${attr.name}.`);
    if (attr.type === 'category' && typeof value === 'string' && !attr.values.includes(value)) {
      await db.attributes.update(attr.id, { values: [...attr.values, value] });
    }
    await db.cases.update(caseId, { values: { ...kase.values, [attributeId]: value } });
    return value;
  });
}

export async function createAttribute(db: QdaDatabase, projectId: string, name: string, type: AttributeType, values: string[] = []): Promise<Attribute> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('An attribute needs a name.');
  return db.transaction('rw', db.attributes, async () => {
    const existing = await db.attributes.where('projectId').equals(projectId).toArray();
    if (existing.some((a) => a.name.toLowerCase() === trimmed.toLowerCase())) throw new Error(`An attribute named "${trimmed}" already exists.`);
    const attr: Attribute = { id: newId(), projectId, name: trimmed, type, values, order: existing.length };
    await db.attributes.add(attr);
    return attr;
  });
}

/** Changes an attribute's name or type; values are converted to the new type where they can be. */
export async function updateAttribute(db: QdaDatabase, id: string, patch: { name?: string; type?: AttributeType }): Promise<void> {
  await db.transaction('rw', db.attributes, db.cases, async () => {
    const attr = await db.attributes.get(id);
    if (!attr) return;
    const name = patch.name?.trim() ?? attr.name;
    if (!name) throw new Error('An attribute needs a name.');
    const type = patch.type ?? attr.type;
    let categories = attr.values;
    if (type !== attr.type) {
      const cases = await db.cases.where('projectId').equals(attr.projectId).toArray();
      for (const c of cases) {
        const old = c.values[id];
        if (old === undefined || old === null) continue;
        await db.cases.update(c.id, { values: { ...c.values, [id]: coerceAttributeValue(type, String(old)) } });
      }
      if (type === 'category') categories = [...new Set(cases.map((c) => c.values[id]).filter((v) => v !== null && v !== undefined).map(String))];
    }
    await db.attributes.update(id, { name, type, values: categories });
  });
}

export async function deleteAttribute(db: QdaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.attributes, db.cases, async () => {
    const attr = await db.attributes.get(id);
    if (!attr) return;
    const cases = await db.cases.where('projectId').equals(attr.projectId).toArray();
    for (const c of cases) {
      if (!(id in c.values)) continue;
      const values = { ...c.values };
      delete values[id];
      await db.cases.update(c.id, { values });
    }
    await db.attributes.delete(id);
  });
}

/**
 * Applies a classification sheet: sets attributes on the matched cases and, if asked,
 * creates cases for the unmatched rows. One transaction.
 */
export async function applyClassification(db: QdaDatabase, projectId: string, table: CsvTable, match: ClassificationMatch, createUnmatched: boolean): Promise<{ updated: number; created: number }> {
  const nameIndex = table.columns.indexOf(match.nameColumn);
  const rows = [
    ...match.matched.map((m) => ({ name: m.caseName, row: table.rows[m.row] })),
    ...(createUnmatched ? match.unmatched.map((u) => ({ name: u.name, row: table.rows[u.row] })) : []),
  ];
  const imported = rows.map(({ name, row }) => ({
    name,
    values: Object.fromEntries(table.columns.map((c, i) => [c, row[i]] as const).filter((_, i) => i !== nameIndex)),
  }));
  return db.transaction('rw', db.cases, db.attributes, async () => {
    const attrs = await ensureAttributes(db, projectId, imported);
    const before = await db.cases.where('projectId').equals(projectId).count();
    for (const c of imported) {
      const kase = await findOrCreateCase(db, projectId, c.name);
      const values = { ...kase.values };
      for (const [col, raw] of Object.entries(c.values)) {
        const attr = attrs.get(col);
        if (attr && raw.trim() !== '') values[attr.id] = coerceAttributeValue(attr.type, raw);
      }
      await db.cases.update(kase.id, { values });
    }
    const created = (await db.cases.where('projectId').equals(projectId).count()) - before;
    return { updated: match.matched.length, created };
  });
}
