/**
 * A field the researcher types into, saved as typed: where its text lives in the store.
 * One name for every such field, so saving, recovering after a reload and detecting an
 * edit made in another window are written once.
 */
export type TypedField =
  | { kind: 'memo'; id: string; field: 'title' | 'body' }
  | { kind: 'segmentMemo'; segmentId: string }
  | { kind: 'code'; id: string; field: 'description' | 'inclusion' | 'exclusion' | 'example' }
  | { kind: 'cellSummary'; analysisId: string; cell: string }
  | { kind: 'analysisName'; id: string }
  /** A coder's display name, as the team sees it in stripes and tables. */
  | { kind: 'coderName'; id: string }
  | { kind: 'citationPattern'; projectId: string }
  /** The project's search thesaurus: a group of words that count as one per line. */
  | { kind: 'thesaurus'; projectId: string }
  /** A word-frequency analysis's own stop words, written 'word, word'. */
  | { kind: 'stopWords'; analysisId: string }
  /** A case's value of an attribute, as typed in the case sheet (it commits as a whole: the later edit wins). */
  | { kind: 'caseValue'; caseId: string; attributeId: string };
