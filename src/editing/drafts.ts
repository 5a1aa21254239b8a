import type { TypedField } from './typed-field';

/**
 * What a window has typed into a field and not yet seen stored: written synchronously at
 * every keystroke (the renderer keeps it in localStorage), so a reload, a crash or a
 * closed window loses nothing; recovered when the project is next opened.
 */
export interface Draft {
  field: TypedField;
  projectId: string;
  /** The window that typed it: a window still open keeps saving its own drafts. */
  window: string;
  value: string;
  /** The stored text when this window last saw it (see reconcileText). */
  base: string;
  at: string;
  /** The sitting it was typed in: recovered, it joins that sitting's undo step. */
  session?: string;
}

export const DRAFT_PREFIX = 'qda.draft:';

/** One key per field, the same whichever way the field's object was written. */
export function draftKey(field: TypedField): string {
  const parts = Object.entries(field).sort(([a], [b]) => a.localeCompare(b));
  return DRAFT_PREFIX + JSON.stringify(parts);
}

const FIELD_KINDS = new Set(['memo', 'segmentMemo', 'code', 'cellSummary', 'analysisName', 'coderName', 'citationPattern', 'thesaurus', 'stopWords', 'caseValue']);

/** A stored draft, or null for anything else (another app's key, a damaged or foreign value). */
export function parseDraft(key: string, raw: string | null): Draft | null {
  if (!key.startsWith(DRAFT_PREFIX) || raw === null) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    const ok =
      typeof d === 'object' &&
      d !== null &&
      typeof d.value === 'string' &&
      typeof d.base === 'string' &&
      typeof d.projectId === 'string' &&
      typeof d.window === 'string' &&
      typeof d.field === 'object' &&
      d.field !== null &&
      FIELD_KINDS.has((d.field as { kind?: string }).kind ?? '') &&
      draftKey(d.field) === key;
    return ok ? (d as Draft) : null;
  } catch {
    return null;
  }
}

/**
 * The drafts a window opening a project should save: that project's, typed by this window
 * before a reload or by a window that is no longer open. An open window's drafts are its own.
 */
export function draftsToRecover(drafts: Draft[], projectId: string, window: string, isOpen: (window: string) => boolean): Draft[] {
  return drafts.filter((d) => d.projectId === projectId && (d.window === window || !isOpen(d.window)));
}
