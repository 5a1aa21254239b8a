import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { parseAnalysisDefinition } from '../analysis/definition';
import { packContent, unpackContent } from './content-packing';

/** How a table's rows are written to IndexedDB and read back into their typed shape. */
interface RowCodec {
  write(row: never): object;
  read(row: never): object;
}

const CODECS: Record<string, RowCodec> = {
  // Paragraph and turn offsets packed (see content-packing): a 500-transcript import does not
  // spend more time storing offset objects than the text itself.
  sourceContents: { write: packContent, read: unpackContent },
  // A definition is checked once, here, when read: the analyses never see an unknown shape.
  // One this version cannot read is kept as stored, and written back unchanged.
  analyses: {
    write: (row: { definition: unknown; storedDefinition?: unknown }) => {
      const { storedDefinition, ...rest } = row;
      return rest.definition === null && storedDefinition !== undefined ? { ...rest, definition: storedDefinition } : rest;
    },
    read: (row: { definition: unknown }) => {
      const definition = parseAnalysisDefinition(row.definition);
      return definition ? { ...row, definition } : { ...row, definition: null, storedDefinition: row.definition };
    },
  },
};

/**
 * Sits at the bottom of Dexie's middleware stack, right above IndexedDB, so that every
 * reader and writer above (Dexie's own live queries and caches included) sees typed rows.
 */
export const rowCodecs: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RowCodecs',
  level: -10,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      const codec = CODECS[name];
      return codec ? codedTable(table, codec) : table;
    },
  }),
};

function codedTable(table: DBCoreTable, codec: RowCodec): DBCoreTable {
  const read = (row: unknown) => row && codec.read(row as never);
  return {
    ...table,
    mutate: (req) => table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map((v) => codec.write(v as never)) } : req),
    get: (req) => table.get(req).then(read),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(read)),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(read) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values ? readingCursor(cursor, read) : cursor)),
  };
}

/** A cursor whose value is read through the codec; its other members are the IndexedDB cursor's own. */
function readingCursor(cursor: DBCoreCursor, read: (row: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => read(cursor.value) },
  });
}
