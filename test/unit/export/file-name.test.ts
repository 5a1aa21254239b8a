import { describe, expect, it } from 'vitest';
import { exportFileName, saveRequest } from '../../../src/export/file-name';

describe('the name an export suggests', () => {
  it('keeps the title’s words and accents, and drops what no file system accepts', () => {
    expect(exportFileName('Tabla 1. Cambios percibidos: con/sin capacitación?', 'docx')).toBe('Tabla 1. Cambios percibidos con sin capacitación.docx');
    expect(exportFileName('Código "vínculo" <Madre 2>|', 'csv')).toBe('Código vínculo Madre 2.csv');
  });

  it('never gives an empty, hidden, multi-line or endless name', () => {
    expect(exportFileName('???', 'xlsx')).toBe('export.xlsx');
    expect(exportFileName('..', 'svg')).toBe('export.svg');
    expect(exportFileName('Línea 1\nLínea 2\ttab', 'png')).toBe('Línea 1 Línea 2 tab.png');
    expect(exportFileName('x'.repeat(500), 'docx')).toHaveLength(80 + '.docx'.length);
  });

  it('asks the save dialog for the format’s own filter', () => {
    const request = saveRequest('Matriz', 'xlsx', new Uint8Array([1]));
    expect(request).toMatchObject({ suggestedName: 'Matriz.xlsx', filterName: 'Excel', extensions: ['xlsx'] });
  });
});
