import { existsSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { QdaDatabase } from '../../src/db/database';
import type { SchemaVersion } from '../../src/db/schema';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file this project wrote, under fixtures/. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${root}fixtures/${path}`));
}

const SHARED_DIR = process.env.QDA_SHARED_DIR ?? `${root}../shared`;

/** Whether the real files written by other tools (../shared, beside the project) are here. */
export const hasShared = existsSync(`${SHARED_DIR}/corpus`);
let told = false;

/** A real file written by other people and tools, under ../shared (see its SOURCES.md). */
export function shared(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SHARED_DIR}/${path}`));
}

/** A test on real files from ../shared: it runs when they are here, and is skipped (and says why) when not. */
export const itWithShared: typeof it = ((...args: Parameters<typeof it>) => {
  if (!hasShared && !told) {
    told = true;
    console.warn(`${SHARED_DIR} is not here: the tests on real files written by other tools are skipped.`);
  }
  return it.skipIf(!hasShared)(...args);
}) as typeof it;

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

let dbCount = 0;
/** Each test gets a database of its own, in a fresh in-memory IndexedDB. */
export function freshDatabase(history?: SchemaVersion[], factory = new IDBFactory()): QdaDatabase {
  return new QdaDatabase(`test-${++dbCount}`, { indexedDB: factory, IDBKeyRange }, history);
}
