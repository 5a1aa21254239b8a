import { num, text, type Table } from '../model/table';
import type { Code } from '../model/types';
import { flattenTree } from './codes';
import { inEnglish, type Translator } from '../i18n';
import type { CodeCount } from './counts';

/** The codebook as a table: code (indented by level), description, criteria, example, counts. */
export function codebookTable(codes: Code[], counts: Map<string, CodeCount>, t: Translator = inEnglish, title = t('table.codebook')): Table {
  return {
    title,
    columns: [
      { key: 'code', label: t('table.code') },
      { key: 'description', label: t('table.description') },
      { key: 'inclusion', label: t('table.inclusion') },
      { key: 'exclusion', label: t('table.exclusion') },
      { key: 'example', label: t('table.example') },
      { key: 'segments', label: t('table.segments'), numeric: true },
      { key: 'sources', label: t('table.sources'), numeric: true },
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
    note: t('table.codebookNote'),
  };
}
