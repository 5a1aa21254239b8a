import { cellText, type Table } from '../../../src/model/table';
import { useI18n } from '../i18n';

/** Shows any Table: sticky header, indented hierarchy, numbers right-aligned, quotes with citations. */
export function TableGrid({ table }: { table: Table }) {
  const { locale } = useI18n();
  return (
    <div className="table-scroll grid-wrap">
      <table className="grid sticky" aria-label={table.title}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]?.key ?? i} className={table.columns[i]?.numeric ? 'num' : undefined} style={i === 0 && row.depth ? { paddingLeft: 10 + row.depth * 18 } : undefined}>
                  {cell.kind === 'quotes'
                    ? cell.quotes.map((q, k) => (
                        <p key={k} className="cell-quote">
                          “{q.text}” <span className="citation">{q.citation}</span>
                        </p>
                      ))
                    : cellText(cell, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="hint table-note">{table.note}</p>}
    </div>
  );
}
