import { describe, expect, it } from 'vitest';
import { BOLD_LEAD_END, setApartBoldName } from '../../../src/import/bold-name';

const bold = (name: string, rest: string) => `${name}${BOLD_LEAD_END}${rest}`;

describe('a name in bold opening a paragraph', () => {
  it('is set apart from the words by a tab, as a speaker', () => {
    expect(setApartBoldName(bold('Entrevistadora', ' ¿Cómo está?'))).toBe('Entrevistadora\t¿Cómo está?');
    expect(setApartBoldName(bold('Madre (P3) ', 'Bien.'))).toBe('Madre (P3)\tBien.');
  });

  it('stays as it was when it is a label already, a heading, or a sentence in bold', () => {
    expect(setApartBoldName(bold('Entrevistadora:', ' ¿Cómo está?'))).toBe('Entrevistadora: ¿Cómo está?');
    expect(setApartBoldName(bold('Resultados', ''))).toBe('Resultados');
    expect(setApartBoldName(bold('Es importante, dijo,', ' que sigan.'))).toBe('Es importante, dijo, que sigan.');
    expect(setApartBoldName(bold('Entre', 'vista'))).toBe('Entrevista');
    expect(setApartBoldName(bold('Resultados.', ' La familia mejoró.'))).toBe('Resultados. La familia mejoró.');
  });

  it('leaves a paragraph without the mark untouched', () => {
    expect(setApartBoldName('Entrevistadora ¿Cómo está?')).toBe('Entrevistadora ¿Cómo está?');
  });
});
