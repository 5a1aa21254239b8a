import type { Code, Source } from '../../src/model/types';

/** A code of project 'p' with an empty codebook entry; what a test names is all it needs. */
export function aCode(id: string, name = id, parentId: string | null = null): Code {
  return { id, projectId: 'p', parentId, name, color: '#000', description: '', inclusion: '', exclusion: '', example: '', order: 0 };
}

/** A plain-text source of project 'p'; fields a test cares about are given. */
export function aSource(id: string, fields: Partial<Source> = {}): Source {
  return {
    id,
    projectId: 'p',
    name: id,
    kind: 'other',
    originalFileName: id,
    format: 'txt',
    sha256: id,
    language: 'en',
    words: 0,
    caseIds: [],
    importedAt: '',
    warnings: [],
    ...fields,
  };
}
