import type { SavedSearch } from '../analysis/definition';
import { inEnglish, type Translator } from '../i18n';
import type { Table } from '../model/table';
import type { ProjectData } from '../model/types';
import { corpusOf } from './corpus';
import { kwicLine, kwicTable } from './kwic';
import { runSearch, unitGroupsOf } from './search';
import { parseThesaurus } from './thesaurus';

/**
 * A saved search run again over the project as it is now, by reading the text (the search
 * view answers from the indexes; an analysis is computed from the project's data alone).
 * A query that no longer reads (an attribute renamed) gives an empty table that says why.
 */
export function savedSearchTable(data: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'attributes'>, search: SavedSearch, t: Translator = inEnglish): Table {
  const corpus = corpusOf(data);
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const outcome = runSearch(unitGroupsOf(corpus, contents), corpus, {
    query: search.query,
    mode: search.mode,
    thesaurus: search.thesaurus ? parseThesaurus(data.project.thesaurus ?? '') : undefined,
  });
  if (!outcome.ok) return { ...kwicTable([], corpus, search.query, t), note: t(outcome.error.key, outcome.error.params) };
  const textOf = (id: string) => corpus.sources.get(id)?.text ?? '';
  return kwicTable(
    outcome.hits.map((h) => kwicLine(h, textOf)),
    corpus,
    search.query,
    t,
  );
}
