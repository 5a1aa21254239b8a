import type { Attribute, AttributeValue, Coder, Memo, Project, SavedAnalysis, Source, SourceContent } from '../model/types';

/** The file inside a .qdpx that holds what the standard has no place for. Other tools ignore it. */
export const STUDIO_PART = 'qda-studio.json';
export const STUDIO_FORMAT = 'qda-studio-project';
export const STUDIO_VERSION = 1;

/**
 * Our part of a .qdpx, keyed by the GUIDs the standard part uses. Positions in the standard
 * part count UTF-16 code units of the text files, which hold our text exactly.
 */
export interface StudioPart {
  format: typeof STUDIO_FORMAT;
  version: number;
  project: Pick<Project, 'name' | 'createdAt' | 'sourceKinds' | 'citationPattern' | 'thesaurus'>;
  /** GUID → our id, where an id was not a GUID (older or hand-made projects). */
  ids: Record<string, string>;
  sources: Record<string, Omit<Source, 'id' | 'projectId' | 'name' | 'caseIds'> & Pick<SourceContent, 'paragraphs' | 'turns' | 'annotations' | 'headings'>>;
  codes: Record<string, { inclusion: string; exclusion: string; example: string; order: number; color: string }>;
  attributes: Record<string, Pick<Attribute, 'type' | 'values' | 'order'>>;
  /** Every case's values by attribute GUID: the standard's typed elements cannot hold a date typed as words. */
  caseValues: Record<string, Record<string, AttributeValue>>;
  coders: Record<string, Pick<Coder, 'color'>>;
  memos: Record<string, Pick<Memo, 'type' | 'date' | 'createdAt' | 'updatedAt'> & { caseId?: string; cell?: Memo['links']['cell'] }>;
  segments: Record<string, { createdAt: string }>;
  analyses: Omit<SavedAnalysis, 'projectId'>[];
}

export function isStudioPart(value: unknown): value is StudioPart {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StudioPart>;
  return (
    v.format === STUDIO_FORMAT &&
    typeof v.version === 'number' &&
    !!v.project &&
    [v.ids, v.sources, v.codes, v.attributes, v.caseValues, v.coders, v.memos, v.segments].every((r) => !!r && typeof r === 'object') &&
    Array.isArray(v.analyses)
  );
}
