import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { packContent, unpackContent } from './content-packing';

/**
 * Keeps source contents packed in IndexedDB (see content-packing) while every reader and
 * writer above, Dexie's own live queries and caches included, sees plain SourceContent.
 * It sits at the bottom of Dexie's middleware stack, right above IndexedDB.
 */
export const compactContents: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'CompactSourceContents',
  level: -10,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return name === 'sourceContents' ? packedTable(table) : table;
    },
  }),
};

function packedTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) => table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(packContent) } : req),
    get: (req) => table.get(req).then((row) => row && unpackContent(row)),
    getMany: (req) => table.getMany(req).then((rows) => rows.map((row) => row && unpackContent(row))),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unpackContent) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values ? unpackingCursor(cursor) : cursor)),
  };
}

/** A cursor whose value is unpacked; its other members are the IndexedDB cursor's own. */
function unpackingCursor(cursor: DBCoreCursor): DBCoreCursor {
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => unpackContent(cursor.value) },
  });
}
