import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { frequencyTable } from '../../../src/analysis/frequency';
import { cooccurrenceTable } from '../../../src/analysis/cooccurrence';
import { barChartSvg, heatmapSvg } from '../../../src/export/charts';
import { data, training } from '../analysis/fixture';

const wellFormed = (svg: string) => {
  const p = new SaxesParser();
  let error: Error | null = null;
  p.on('error', (e) => (error = e));
  p.write(svg).close();
  return error;
};

describe('charts for papers', () => {
  it('draws a bar per code, grouped by training, as well-formed SVG', () => {
    const table = frequencyTable(data, { rollUp: true, splitByAttributeId: training.id });
    // By default a split table shows each group's n: columns 5 and 7.
    const svg = barChartSvg(table);
    expect(wellFormed(svg)).toBeNull();
    expect(svg.match(/<rect x="\d+(\.\d+)?" y="[\d.]+" width/g)?.length).toBeGreaterThanOrEqual(table.rows.length * 2);
    expect(svg).toContain('without n (of 2)');
    expect(svg).toContain('Relationship');
  });

  it('draws a heatmap of a co-occurrence matrix, darker where codes meet more', () => {
    const table = cooccurrenceTable(data, { codeIds: ['TRUST', 'CLOSE', 'CHAL'], includeSubcodes: false, unit: 'overlap', jaccard: false });
    const svg = heatmapSvg(table);
    expect(wellFormed(svg)).toBeNull();
    expect(svg).toContain('fill="#08306b"'); // the largest value (Trust × Trust = 3)
    expect(svg).toContain('Relationship › Trust');
  });

  it('escapes labels', () => {
    const svg = barChartSvg({
      title: 'A & <B>',
      columns: [
        { key: 'c', label: 'C' },
        { key: 'n', label: 'n', numeric: true },
      ],
      rows: [
        {
          key: 'x',
          cells: [
            { kind: 'text', text: '"q"' },
            { kind: 'number', value: 2 },
          ],
        },
      ],
    });
    expect(wellFormed(svg)).toBeNull();
    expect(svg).toContain('A &amp; &lt;B&gt;');
  });
});
