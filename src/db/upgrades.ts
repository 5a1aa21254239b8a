import type { Transaction } from 'dexie';
import type { ImportNote } from '../model/types';
import { packContent } from './content-packing';
import type { StepLabel } from './changes';

/**
 * Version 3: the shapes older versions left behind, converted once so that readers need
 * not tolerate them. Notes and step names written as English text become messages that
 * keep that text; source contents stored plain are packed.
 */
export const legacyNote = (note: ImportNote | string): ImportNote => (typeof note === 'string' ? { code: 'legacy', params: { text: note }, message: note } : note);

export const legacyLabel = (label: StepLabel | string): StepLabel => (typeof label === 'string' ? { key: 'history.legacy', params: { text: label } } : label);

type Row = Record<string, unknown>;

function upgradeSource(row: Row): Row {
  return Array.isArray(row.warnings) ? { ...row, warnings: row.warnings.map(legacyNote) } : row;
}

function upgradeChangeRow(table: unknown, row: unknown): unknown {
  return table === 'sources' && row && typeof row === 'object' ? upgradeSource(row as Row) : row;
}

function upgradeUndoEntry(row: Row): Row {
  const changes = Array.isArray(row.changes)
    ? row.changes.map((c: Row) => ({ ...c, before: upgradeChangeRow(c.table, c.before), after: upgradeChangeRow(c.table, c.after) }))
    : row.changes;
  return { ...row, label: legacyLabel(row.label as StepLabel | string), changes };
}

/**
 * Rewrites every stored row of a table as IndexedDB holds it, beneath Dexie's row codecs:
 * the codecs read only the current shapes.
 */
function rewrite(tx: Transaction, table: string, convert: (row: Row) => Row): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = tx.idbtrans.objectStore(table).openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      cursor.update(convert(cursor.value as Row));
      cursor.continue();
    };
  });
}

export async function upgradeToVersion3(tx: Transaction): Promise<void> {
  await rewrite(tx, 'sources', upgradeSource);
  await rewrite(tx, 'sourceContents', (row) => packContent(row as never) as unknown as Row);
  await rewrite(tx, 'undoLog', upgradeUndoEntry);
}
