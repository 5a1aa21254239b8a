import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/analysis/languages';
import { wordFrequencyTable } from '../../../src/analysis/word-frequency';
import { cellText } from '../../../src/model/table';
import type { ProjectData } from '../../../src/model/types';
import { data } from './fixture';

const withText = (text: string): ProjectData => ({
  ...data,
  contents: [{ sourceId: 's1', projectId: 'p', text, paragraphs: [{ start: 0, end: text.length }], turns: [], annotations: [] }],
  sources: [data.sources[0]],
  segments: [],
});

describe('word frequency', () => {
  const text = 'La visita fue buena. Las visitas de la profesional ayudan a la familia; la familia confía. The family trusts the visit. A família confia.';

  it('counts words without Spanish, Portuguese and English stop words', () => {
    const table = wordFrequencyTable(withText(text), { languages: ['es', 'pt', 'en'] });
    const rows = table.rows.map((r) => r.cells.map((c) => cellText(c)));
    // Counted (17 minus stop words): visita, buena, visitas, profesional, ayudan, familia ×2, confía, family, trusts, visit, família, confia = 13.
    expect(rows[0]).toEqual(['familia', '2', '15.4%']);
    expect(rows.map((r) => r[0])).not.toContain('la');
    expect(rows.map((r) => r[0])).not.toContain('the');
    expect(table.note).toContain('13 words counted');
  });

  it('takes the researcher’s own stop words and counts by stem when asked', () => {
    const table = wordFrequencyTable(withText(text), { languages: ['es'], extraStopWords: ['family', 'Trusts', 'the', 'visit'], stemming: 'es' });
    const rows = table.rows.map((r) => r.cells.map((c) => cellText(c)));
    // Spanish stems: visita/visitas → "visit"; familia ×2; confía/confia → "confi".
    expect(rows.find((r) => r[0] === 'visita')).toEqual(['visita', '2', expect.stringMatching(/%$/), '2']);
    expect(rows.map((r) => r[0])).not.toContain('trusts');
    expect(stem('intervenciones', 'es')).toBe('intervencion');
  });

  it('counts only the text coded with the chosen codes, once where two segments overlap, and gives an empty table for no text', () => {
    const said = 'Confianza con la familia. Registro del registro mensual. Confianza y cercanía.';
    const at = (words: string) => [said.indexOf(words), said.indexOf(words) + words.length] as const;
    const segment = (id: string, codeId: string, [start, end]: readonly [number, number]) => ({ ...data.segments[0], id, sourceId: 's1', codeId, start, end });
    const project: ProjectData = {
      ...withText(said),
      segments: [
        segment('a', 'TRUST', at('Confianza con la familia.')),
        segment('b', 'TRUST', at('Confianza y cercanía.')),
        segment('c', 'TRUST', at('y cercanía')), // overlaps b: its words count once
        segment('d', 'CHAL', at('Registro del registro mensual.')),
      ],
    };
    const coded = wordFrequencyTable(project, { languages: ['es'], codeIds: ['TRUST'], includeSubcodes: false });
    expect(coded.rows.map((r) => r.cells.map((c) => cellText(c)).slice(0, 2))).toEqual([
      ['confianza', '2'],
      ['cercanía', '1'],
      ['familia', '1'],
    ]);
    // The theme with its subcodes takes in TRUST's text; CHAL's "registro" is never counted under it.
    const theme = wordFrequencyTable(project, { languages: ['es'], codeIds: ['REL'], includeSubcodes: true });
    expect(theme.rows.map((r) => cellText(r.cells[0]))).not.toContain('registro');
    expect(theme.rows.map((r) => cellText(r.cells[0]))).toContain('confianza');
    const empty = wordFrequencyTable({ ...data, contents: [] }, { languages: ['en'] });
    expect(empty.rows).toEqual([]);
  });
});

describe('word frequency per group', () => {
  it('counts only the sources of the cases in a group (role = Director)', () => {
    const texts = ['Confianza y cercanía.', 'Registro registro planificación.', 'Desafíos del registro.', 'Nada.'];
    const project = { ...data, contents: data.contents.map((c, i) => ({ ...c, text: texts[i], paragraphs: [{ start: 0, end: texts[i].length }] })), segments: [] };
    // Only D1 is a director; D1's source is s3: "Desafíos del registro."
    const table = wordFrequencyTable(project, { languages: ['es'], group: { attributeId: 'role', value: 'Director' } });
    expect(table.rows.map((r) => cellText(r.cells[0]))).toEqual(['desafíos', 'registro']);
    expect(table.title).toBe('Word frequency: Director');
  });
});
