import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Attribute, Case, Code, Coder, ImportRecord, Memo, Project, SavedAnalysis, Segment, Source, SourceContent } from '../model/types';
import { rowCodecs } from './row-codecs';
import type { PackedSourceContent } from './content-packing';
import type { ChangeListener, HistoryWindow, StepLabel } from './changes';
import type { Change } from '../model/change';
import { SCHEMA_HISTORY, type SchemaVersion } from './schema';
import type { SearchIndexRow } from '../search/partition';

/** One undo step: the rows a researcher's action touched, before and after. */
export interface UndoEntry {
  seq?: number;
  projectId: string;
  label: StepLabel;
  at: string;
  changes: Change[];
  /** Undone steps wait to be redone until a new action drops them. */
  undone: boolean;
  /** Set on a step stored in several transactions (a folder import), which later ones extend. */
  batch?: string;
  /** A sitting of typing in one field, which later saves of the same sitting extend. */
  session?: string;
  /** The window that recorded the step: each window undoes its own (see setHistoryWindow). */
  window?: string;
}

export class QdaDatabase extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  /** Written plain or packed (see content-packing); always read plain. */
  sourceContents!: Table<SourceContent, string, SourceContent | PackedSourceContent>;
  cases!: EntityTable<Case, 'id'>;
  attributes!: EntityTable<Attribute, 'id'>;
  codes!: EntityTable<Code, 'id'>;
  segments!: EntityTable<Segment, 'id'>;
  memos!: EntityTable<Memo, 'id'>;
  coders!: EntityTable<Coder, 'id'>;
  analyses!: EntityTable<SavedAnalysis, 'id'>;
  undoLog!: Table<UndoEntry, number>;
  imports!: EntityTable<ImportRecord, 'id'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'id'>;
  /** Who hears of this store's committed changes (see onCommittedChanges). */
  readonly changeListeners = { committed: new Set<ChangeListener>(), local: new Set<ChangeListener>() };
  /** The window recording and undoing steps in this store (see setHistoryWindow). */
  historyWindow?: HistoryWindow;

  /**
   * @param history the schema versions to declare; tests pass a prefix of the history to
   *   write a fixture at an old version, then reopen with the full history.
   */
  constructor(name = 'qda-studio', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}, history: SchemaVersion[] = SCHEMA_HISTORY) {
    super(name, options);
    for (const v of history) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(rowCodecs);
  }
}
