import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { QdaDatabase } from '../../src/db/database';
import type { SchemaVersion } from '../../src/db/schema';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file this project wrote, under fixtures/. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${root}fixtures/${path}`));
}

/** A real file written by other people and tools, under ../shared (see its SOURCES.md). */
export function shared(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${process.env.QDA_SHARED_DIR ?? `${root}../shared`}/${path}`));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

let dbCount = 0;
/** Each test gets a database of its own, in a fresh in-memory IndexedDB. */
export function freshDatabase(history?: SchemaVersion[], factory = new IDBFactory()): QdaDatabase {
  return new QdaDatabase(`test-${++dbCount}`, { indexedDB: factory, IDBKeyRange }, history);
}
