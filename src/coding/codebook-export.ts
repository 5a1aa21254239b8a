import { num, text, type Table } from '../model/table';
import type { Code } from '../model/types';
import { flattenTree } from './codes';
import type { CodeCount } from './counts';

/** The codebook as a table: code (indented by level), description, criteria, example, counts. */
export function codebookTable(codes: Code[], counts: Map<string, CodeCount>, title = 'Codebook'): Table {
  return {
    title,
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'description', label: 'Description' },
      { key: 'inclusion', label: 'Include when' },
      { key: 'exclusion', label: 'Exclude when' },
      { key: 'example', label: 'Example' },
      { key: 'segments', label: 'Segments', numeric: true },
      { key: 'sources', label: 'Sources', numeric: true },
    ],
    rows: flattenTree(codes).map(({ code, depth }) => {
      const c = counts.get(code.id);
      return {
        key: code.id,
        depth,
        cells: [
          text(code.name),
          text(code.description),
          text(code.inclusion),
          text(code.exclusion),
          text(code.example),
          num(c?.segmentsWithSubcodes ?? 0),
          num(c?.sourcesWithSubcodes ?? 0),
        ],
      };
    }),
    note: 'Segments and sources include those coded with subcodes.',
  };
}
