import { useCallback, useRef, useState } from 'react';
import { addImportedSources } from '../../../src/db/sources';
import { extensionOf, type ImportError, type SurveyMapping } from '../../../src/import';
import { bridge } from '../bridge';
import { db } from '../db';

export type RowStatus = 'waiting' | 'working' | 'done' | 'warning' | 'duplicate' | 'error' | 'cancelled' | 'skipped';

export interface ImportRow {
  id: number;
  fileName: string;
  status: RowStatus;
  /** Sources created, for done rows. */
  added?: number;
  warnings?: string[];
  error?: ImportError;
  duplicateOf?: string;
}

export interface FileToImport {
  name: string;
  read(): Promise<Uint8Array>;
}

/** Asks the researcher how a survey's columns map (null: skip the file). */
export type SurveyMapper = (fileName: string, bytes: Uint8Array) => Promise<SurveyMapping | null>;

let nextRowId = 1;

/**
 * A batch import: one row per file, each file its own transaction, one bad file never
 * stops the rest, and cancel stops before the next file.
 */
export function useImportQueue(projectId: string, mapSurvey: SurveyMapper) {
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);

  const update = (id: number, patch: Partial<ImportRow>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  const run = useCallback(
    async (files: FileToImport[]) => {
      if (files.length === 0) return;
      const batch = files.map((f) => ({ file: f, row: { id: nextRowId++, fileName: f.name, status: 'waiting' as RowStatus } }));
      setRows(batch.map((b) => b.row));
      cancelled.current = false;
      setRunning(true);
      for (const { file, row } of batch) {
        if (cancelled.current) {
          update(row.id, { status: 'cancelled' });
          continue;
        }
        update(row.id, { status: 'working' });
        try {
          const bytes = await file.read();
          let survey: SurveyMapping | undefined;
          if (extensionOf(file.name) === 'csv' && bytes.length > 0) {
            const mapping = await mapSurvey(file.name, bytes);
            if (!mapping) {
              update(row.id, { status: 'skipped' });
              continue;
            }
            survey = mapping;
          }
          const result = await bridge.importSource({ name: file.name, bytes, options: survey ? { survey } : undefined });
          if (!result.ok) {
            update(row.id, { status: 'error', error: result.error });
            continue;
          }
          const outcome = await addImportedSources(db, projectId, result);
          if (outcome.status === 'duplicate') update(row.id, { status: 'duplicate', duplicateOf: outcome.existing.name });
          else {
            const warnings = result.sources.flatMap((s) => s.warnings);
            update(row.id, { status: warnings.length ? 'warning' : 'done', added: outcome.sources.length, warnings });
          }
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          update(row.id, { status: 'error', error: { code: 'corrupt', fileName: file.name, message, params: { reason: message } } });
        }
        // Let the page paint between files so typing and scrolling stay smooth.
        await new Promise((r) => setTimeout(r, 0));
      }
      setRunning(false);
    },
    [projectId, mapSurvey],
  );

  return {
    rows,
    running,
    run,
    cancel: () => (cancelled.current = true),
    clear: () => setRows([]),
  };
}

/** Files from <input type=file> (also with webkitdirectory, for a folder). */
export function filesFromList(list: FileList | null): FileToImport[] {
  return Array.from(list ?? []).map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) }));
}

/** Files dropped on the window, walking into dropped folders. */
export async function filesFromDrop(items: DataTransferItemList): Promise<FileToImport[]> {
  const entries = Array.from(items)
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const out: FileToImport[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      if (!file.name.startsWith('.')) out.push({ name: file.name, read: async () => new Uint8Array(await file.arrayBuffer()) });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      let batch: FileSystemEntry[];
      do {
        batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        for (const child of batch) await walk(child);
      } while (batch.length > 0);
    }
  };
  for (const e of entries) await walk(e);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
