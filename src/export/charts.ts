import type { Table } from '../model/table';

/** Colours that print well in grey and read for colour-blind readers. */
const SERIES = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f'];
const FONT = 'font-family="\'Helvetica Neue\', Arial, sans-serif"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const numberAt = (table: Table, r: number, c: number) => {
  const cell = table.rows[r].cells[c];
  return cell?.kind === 'number' ? cell.value : 0;
};

/**
 * The columns a bar chart shows by default: a split table's per-group counts (not its
 * percentages), else the table's first numeric column.
 */
export function defaultBarColumns(table: Table): number[] {
  const grouped = numericColumns(table).filter((c) => table.columns[c].group && !table.columns[c].label.includes('%'));
  return grouped.length ? grouped : numericColumns(table).slice(0, 1);
}

/** The numeric columns of a table, by index (the bars or the heatmap's cells). */
export function numericColumns(table: Table): number[] {
  return table.columns.flatMap((c, i) => (i > 0 && table.rows.some((r) => r.cells[i]?.kind === 'number') ? [i] : []));
}

/**
 * A horizontal bar chart of chosen numeric columns (one bar per row; several columns are
 * grouped bars with a legend), as SVG text for papers: code frequencies, by group.
 */
export function barChartSvg(table: Table, columns: number[] = defaultBarColumns(table)): string {
  const rowH = 14 * Math.max(1, columns.length) + 10;
  const labelW = Math.min(260, 20 + Math.max(40, ...table.rows.map((r) => 6.5 * labelOf(table, r.key).length)));
  const plotW = 420;
  const legend = columns.map((c) => {
    const col = table.columns[c];
    return col.group ? `${col.group} ${col.label}` : col.label;
  });
  const legendRows = columns.length > 1 ? Math.ceil(legend.length / 2) : 0;
  const top = 34 + legendRows * 16 + 10;
  const height = top + table.rows.length * rowH + 36;
  const max = Math.max(1, ...table.rows.flatMap((_, r) => columns.map((c) => numberAt(table, r, c))));
  const ticks = niceTicks(max);
  const x = (v: number) => labelW + (v / ticks[ticks.length - 1]) * plotW;
  const parts: string[] = [];
  parts.push(`<text x="0" y="18" font-size="14" font-weight="bold" ${FONT}>${esc(table.title)}</text>`);
  if (columns.length > 1) {
    // Two legend entries a line, under the title.
    legend.forEach((name, k) => {
      const lx = labelW + (k % 2) * (plotW / 2);
      const ly = 28 + Math.floor(k / 2) * 16;
      parts.push(`<rect x="${lx}" y="${ly}" width="10" height="10" fill="${SERIES[k % SERIES.length]}"/>`);
      parts.push(`<text x="${lx + 14}" y="${ly + 9}" font-size="11" ${FONT}>${esc(name.slice(0, 34))}</text>`);
    });
  }
  for (const t of ticks) {
    parts.push(`<line x1="${x(t)}" y1="${top - 4}" x2="${x(t)}" y2="${top + table.rows.length * rowH}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(t)}" y="${top + table.rows.length * rowH + 14}" font-size="10" text-anchor="middle" ${FONT}>${t}</text>`);
  }
  table.rows.forEach((row, r) => {
    const y = top + r * rowH;
    const depth = row.depth ?? 0;
    parts.push(`<text x="${labelW - 8}" y="${y + rowH / 2 + 3}" font-size="11" text-anchor="end" ${FONT}>${esc(('  '.repeat(depth) + labelOf(table, row.key)).slice(-40))}</text>`);
    columns.forEach((c, k) => {
      const v = numberAt(table, r, c);
      parts.push(
        `<rect x="${labelW}" y="${y + 5 + k * 14}" width="${Math.max(0, x(v) - labelW)}" height="12" fill="${SERIES[k % SERIES.length]}"><title>${esc(`${labelOf(table, row.key)}: ${v}`)}</title></rect>`,
      );
    });
  });
  parts.push(`<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${top + table.rows.length * rowH}" stroke="#333"/>`);
  return svg(labelW + plotW + 30, height, parts);
}

/** A heatmap of a table's numeric cells (a matrix, co-occurrence), darker for larger values. */
export function heatmapSvg(table: Table): string {
  const columns = numericColumns(table);
  const cellW = 64;
  const cellH = 26;
  const labelW = Math.min(240, 20 + Math.max(40, ...table.rows.map((r) => 6.5 * labelOf(table, r.key).length)));
  const headH = 70;
  const values = table.rows.flatMap((_, r) => columns.map((c) => numberAt(table, r, c)));
  const max = Math.max(0, ...values);
  const parts: string[] = [`<text x="0" y="18" font-size="14" font-weight="bold" ${FONT}>${esc(table.title)}</text>`];
  columns.forEach((c, k) => {
    const cx = labelW + k * cellW + cellW / 2;
    parts.push(`<text transform="translate(${cx},${headH - 6}) rotate(-35)" font-size="11" ${FONT}>${esc(table.columns[c].label.slice(0, 24))}</text>`);
  });
  table.rows.forEach((row, r) => {
    const y = headH + r * cellH;
    parts.push(`<text x="${labelW - 8}" y="${y + cellH / 2 + 4}" font-size="11" text-anchor="end" ${FONT}>${esc(labelOf(table, row.key).slice(0, 36))}</text>`);
    columns.forEach((c, k) => {
      const v = numberAt(table, r, c);
      const share = max > 0 ? v / max : 0;
      const fill = mix('#f7fbff', '#08306b', share);
      const cellText =
        row.cells[c]?.kind === 'number' && (row.cells[c] as { decimals?: number }).decimals ? v.toFixed((row.cells[c] as { decimals?: number }).decimals) : String(v);
      parts.push(`<rect x="${labelW + k * cellW}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}"/>`);
      parts.push(
        `<text x="${labelW + k * cellW + cellW / 2 - 1}" y="${y + cellH / 2 + 3}" font-size="11" text-anchor="middle" fill="${share > 0.55 ? '#fff' : '#222'}" ${FONT}>${esc(cellText)}</text>`,
      );
    });
  });
  return svg(labelW + columns.length * cellW + 20, headH + table.rows.length * cellH + 20, parts);
}

function labelOf(table: Table, rowKey: string): string {
  const row = table.rows.find((r) => r.key === rowKey);
  const first = row?.cells[0];
  return first?.kind === 'text' ? first.text : rowKey;
}

function svg(width: number, height: number, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

/** Round axis steps: 0, 5, 10 … or 0, 0.25, 0.5 … */
function niceTicks(max: number): number[] {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) =>
      Math.round(v + (pb[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
