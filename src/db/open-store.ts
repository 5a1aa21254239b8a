import { ResearcherError } from '../model/errors';
import type { QdaDatabase } from './database';
import { CURRENT_SCHEMA_VERSION } from './schema';

/**
 * Opens the store for this version of the app. A store written by a newer version is
 * refused and closed untouched (Dexie would open it at its own version, and this app
 * would write rows the newer one does not expect). An upgrade that another window holds
 * up calls `onBlocked`, and goes on once that window lets go.
 */
export async function openStore(db: QdaDatabase, onBlocked: () => void = () => undefined): Promise<void> {
  db.on('blocked', onBlocked);
  await db.open();
  // IndexedDB's version is Dexie's times ten.
  const found = Math.round(db.backendDB().version / 10);
  if (found > CURRENT_SCHEMA_VERSION) {
    db.close();
    throw new ResearcherError('store.newerVersion', { found, supported: CURRENT_SCHEMA_VERSION });
  }
}
