import { useMemo, useRef } from 'react';
import { addImportedFiles, importStepLabel } from '@core/db/sources';
import { extensionOf, SURVEY_EXTENSIONS, type SurveyMapping } from '@core/import';
import { runImportBatch, type BatchEvent, type BatchFile } from '@core/import/batch';
import { finishImportRecord, noteImportProgress, startImportRecord } from '@core/db/import-records';
import { pageId, windowId } from '../windows/window-identity';
import { isSystemFile } from '@core/import/system-files';
import { newId } from '@core/util/id';
import { bridge } from '../bridge';
import { db } from '../db';
import { ImportProgressStore } from './import-progress';
import { importWillNotFit, megabytes } from '@core/util/storage';
import { storageFigures } from '../storage';

export type FileToImport = BatchFile;

/** Asks the researcher how a survey's columns map (null: skip the file). */
export type SurveyMapper = (fileName: string, bytes: Uint8Array) => Promise<SurveyMapping | null>;

/** Asks whether to import files that may not fit in the storage left (false: do not start). */
export type LowSpaceQuestion = (need: string, free: string) => Promise<boolean>;

let nextRowId = 1;

export interface ImportQueue {
  progress: ImportProgressStore;
  run(files: FileToImport[]): Promise<void>;
  cancel(): void;
  clear(): void;
}

/**
 * Imports files with runImportBatch; its progress lives in a store the import panel
 * reads, so the workspace does not redraw for every file. The queue object is stable.
 */
export function useImportQueue(projectId: string, mapSurvey: SurveyMapper, askLowSpace: LowSpaceQuestion): ImportQueue {
  const cancelled = useRef(false);
  return useMemo(() => {
    const progress = new ImportProgressStore();
    return {
      progress,
      async run(files) {
        if (files.length === 0) return;
        const figures = await storageFigures();
        const tight = importWillNotFit(
          files.reduce((n, f) => n + (f.size ?? 0), 0),
          figures ? { usage: figures.usage, quota: figures.quota } : undefined,
        );
        if (tight && !(await askLowSpace(megabytes(tight.need), megabytes(tight.free)))) return;
        progress.start(
          files.map((f) => f.name),
          nextRowId,
        );
        nextRowId += files.length;
        cancelled.current = false;
        // The files chosen or dropped together are one step in the history: one Undo takes them back.
        const batch = { id: newId(), label: importStepLabel(files.map((f) => f.name)) };
        // The import's record: a reload or crash midway leaves it "running", and the next opening says so.
        const record = await startImportRecord(
          db,
          projectId,
          files.map((f) => f.name),
          windowId,
          pageId,
        );
        const settled: number[] = [];
        let stored = 0;
        let lastNote = 0;
        const noteProgress = (event: BatchEvent) => {
          if (event.status === 'working') return;
          settled.push(event.index);
          if (event.status === 'done' || event.status === 'warning' || event.status === 'duplicate') stored++;
          if (Date.now() - lastNote > 500) {
            lastNote = Date.now();
            void noteImportProgress(db, record.id, stored, settled);
          }
        };
        try {
          await runImportBatch(
            files,
            {
              async prepare(file, bytes) {
                if (!(SURVEY_EXTENSIONS as readonly string[]).includes(extensionOf(file.name)) || bytes.length === 0) return { name: file.name, bytes };
                const survey = await mapSurvey(file.name, bytes);
                return survey ? { name: file.name, bytes, options: { survey } } : null;
              },
              parse: (request) => bridge.importSource(request),
              async store(parsed) {
                const outcomes = await addImportedFiles(
                  db,
                  projectId,
                  parsed.map((imported) => ({ imported })),
                  batch,
                );
                return outcomes.map((o) => (o.status === 'duplicate' ? { status: 'duplicate', existingName: o.existing.name } : { status: 'added', sources: o.sources.length }));
              },
            },
            (event) => {
              progress.update(event);
              noteProgress(event);
              // A full disk is told with how much is used and free, in the researcher's words.
              if (event.error?.code === 'storage-full')
                void storageFigures().then((f) => f && progress.update({ ...event, error: { ...event.error!, params: { used: f.used, free: f.free } } }));
            },
            () => cancelled.current,
          );
        } finally {
          progress.finish();
          await finishImportRecord(db, record.id, cancelled.current ? 'cancelled' : 'finished', stored, settled);
        }
      },
      cancel: () => void (cancelled.current = true),
      clear: () => progress.clear(),
    };
  }, [projectId, mapSurvey, askLowSpace]);
}

/** Files from <input type=file> (also with webkitdirectory, for a folder: its system files left out). */
export function filesFromList(list: FileList | null): FileToImport[] {
  return Array.from(list ?? [])
    .filter((f) => !(f.webkitRelativePath && isSystemFile(f.name)))
    .map((f) => ({ name: f.name, size: f.size, read: async () => new Uint8Array(await f.arrayBuffer()) }));
}

/** Files dropped on the window, walking into dropped folders. */
export async function filesFromDrop(data: DataTransfer): Promise<FileToImport[]> {
  const entries = Array.from(data.items)
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  // Some sources of a drop give no file-system entries: take the plain file list then.
  if (entries.length === 0) return filesFromList(data.files);
  const out: FileToImport[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      if (!isSystemFile(file.name)) out.push({ name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });
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
