import { useMemo, useRef, useState } from 'react';
import { cellText, type Cell, type Table } from '@core/model/table';
import { useI18n } from '../i18n';
import { useVisibleRows } from './useVisibleRows';
import { compareNatural } from '@core/util/natural-order';

interface Props {
  table: Table;
  /** Cells can be opened (a matrix cell shows its quotes). */
  onCellClick?(row: number, column: number): void;
  selected?: { row: number; column: number };
  /** The first column whose cells can be clicked (the ones before it are labels). */
  dataFrom?: number;
}

const sortValue = (cell: Cell | undefined): number | string => (cell?.kind === 'number' ? cell.value : cell ? cellText(cell) : '');

/**
 * Shows any Table: sticky header with column groups, sortable columns, indented
 * hierarchy, numbers right-aligned, quotes with citations, clickable cells.
 */
export function TableGrid({ table, onCellClick, selected, dataFrom = 1 }: Props) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ column: number; dir: 1 | -1 } | null>(null);
  const order = useMemo(() => {
    const idx = table.rows.map((_, i) => i);
    if (!sort) return idx;
    return idx.sort((a, b) => {
      const x = sortValue(table.rows[a].cells[sort.column]);
      const y = sortValue(table.rows[b].cells[sort.column]);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : compareNatural(String(x), String(y), locale)) * sort.dir;
    });
  }, [table, sort, locale]);
  // Long tables (a 500-case matrix) render only the rows in view.
  const scroller = useRef<HTMLDivElement>(null);
  const { items, padTop, padBottom, measure } = useVisibleRows(order.length, scroller, 34);
  const groups = table.columns.some((c) => c.group)
    ? table.columns.reduce<{ label: string; span: number }[]>((acc, c) => {
        const last = acc[acc.length - 1];
        if (last && c.group && last.label === c.group) last.span++;
        else acc.push({ label: c.group ?? '', span: 1 });
        return acc;
      }, [])
    : null;
  return (
    <div className="table-scroll grid-wrap" ref={scroller}>
      <table className="grid sticky" aria-label={table.title}>
        <caption className="grid-title">{table.title}</caption>
        <thead>
          {groups && (
            <tr>
              {groups.map((g, i) => (
                <th key={i} colSpan={g.span} className="group">
                  {g.label}
                </th>
              ))}
            </tr>
          )}
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={sort?.column === i ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                <button
                  className="sort"
                  onClick={() => setSort((s) => (s?.column === i ? (s.dir === 1 ? { column: i, dir: -1 } : null) : { column: i, dir: 1 }))}
                  title={t('grid.sort')}
                >
                  {c.label} {sort?.column === i ? (sort.dir === 1 ? '▲' : '▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
          {items.map((item) => {
            const r = order[item.index];
            const row = table.rows[r];
            return (
              <tr key={row.key} data-index={item.index} ref={measure}>
                {row.cells.map((cell, i) => {
                  const clickable = !!onCellClick && i >= dataFrom;
                  const isSelected = selected?.row === r && selected.column === i;
                  return (
                    <td
                      key={table.columns[i]?.key ?? i}
                      className={[table.columns[i]?.numeric && 'num', clickable && 'clickable', isSelected && 'selected'].filter(Boolean).join(' ') || undefined}
                      style={i === 0 && row.depth ? { paddingLeft: 10 + row.depth * 18 } : undefined}
                      onClick={clickable ? () => onCellClick!(r, i) : undefined}
                      tabIndex={clickable ? 0 : undefined}
                      onKeyDown={clickable ? (e) => e.key === 'Enter' && onCellClick!(r, i) : undefined}
                    >
                      {cell.kind === 'quotes'
                        ? cell.quotes.map((q, k) => (
                            <p key={k} className="cell-quote">
                              {q.citation ? (
                                <>
                                  “{q.text}” <span className="citation">{q.citation}</span>
                                </>
                              ) : (
                                q.text
                              )}
                            </p>
                          ))
                        : cellText(cell, locale)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
        </tbody>
      </table>
      {table.note && <p className="hint table-note">{table.note}</p>}
    </div>
  );
}
