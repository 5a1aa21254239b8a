import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../src/import/normalize';
import { detectTurns } from '../../../src/import/speakers';

const speakers = (text: string) => detectTurns(text, paragraphsOf(text)).map((t) => t.speaker);

describe('speakers named by a role and a number', () => {
  it('takes two such labels that answer each other as speakers, even when each speaks once', () => {
    expect(speakers('Caregiver 1: I was afraid of the court.\nSocial Worker 5: I explained what would happen.')).toEqual(['Caregiver 1', 'Social Worker 5']);
    expect(speakers('Cuidadora 2: Tenía miedo.\nTrabajadora Social 2: Le expliqué qué iba a pasar.')).toEqual(['Cuidadora 2', 'Trabajadora Social 2']);
  });

  it('does not take a report’s numbered headings for speakers', () => {
    expect(speakers('Informe 3: resultados de la visita.\nLa familia recibió la visita.')).toEqual([]);
    expect(speakers('Capítulo 1: Antecedentes de la familia.\nCapítulo 2: Método de la visita.')).toEqual([]);
  });
});
