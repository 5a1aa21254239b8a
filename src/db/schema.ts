import { upgradeToVersion3 } from './upgrades';

/**
 * Dexie schema history. Versions are append-only: never edit a released entry, add a new
 * one with its upgrade. Each version's test opens a fixture written at the previous one.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Upgrade from the previous version, run inside Dexie's upgrade transaction. */
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

export const SCHEMA_HISTORY: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      projects: 'id, name, openedAt',
      sources: 'id, projectId, [projectId+sha256], *caseIds',
      sourceContents: 'sourceId, projectId',
      cases: 'id, projectId, [projectId+name]',
      attributes: 'id, projectId',
      codes: 'id, projectId, parentId',
      segments: 'id, projectId, sourceId, codeId, coderId',
      memos: 'id, projectId',
      coders: 'id, projectId',
      analyses: 'id, projectId',
      undoLog: '++seq, projectId',
    },
  },
  {
    // The record of each import, kept while it runs: an import cut short by a reload or a
    // crash is shown afterwards with the files it did not reach. Projects may be in the
    // trash (deletedAt), a field without an index: no upgrade needed for existing rows.
    version: 2,
    stores: { imports: 'id, projectId' },
  },
  {
    // Notes and undo step names written as English text become messages; plain source
    // contents are packed: readers read one shape (see upgrades).
    version: 3,
    stores: {},
    upgrade: (tx) => upgradeToVersion3(tx),
  },
  {
    // Text search: each project's lunr indexes, in partitions of a few sources (see
    // src/search/partition), so that opening a project does not rebuild them. Derived data:
    // losing it costs a rebuild, never a researcher's work. Projects may hold a thesaurus
    // (a field without an index).
    version: 4,
    stores: { searchIndexes: 'id, projectId' },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1].version;

/** The tables that hold one project's rows (all but `projects` and the undo log). */
export const PROJECT_TABLES = ['sources', 'sourceContents', 'cases', 'attributes', 'codes', 'segments', 'memos', 'coders', 'analyses', 'imports', 'searchIndexes'] as const;
