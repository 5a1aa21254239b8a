import { QdaDatabase } from '../../src/db/database';

/** The one store for the whole app. */
export const db = new QdaDatabase('qda-studio');

/** Asks the browser not to evict the projects under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
