import { describe, expect, it } from 'vitest';
import { CODER_COLORS, coderAtStart, nextCoderColor } from '../../../src/coding/current-coder';

const ana = { id: 'a', name: 'Ana Pérez' };
const beto = { id: 'b', name: 'Beto' };

describe('who is coding when a project opens', () => {
  it('keeps the coder chosen last time in this project', () => {
    expect(coderAtStart([ana, beto], 'b', 'Ana Pérez')).toEqual({ use: 'b' });
  });
  it('finds the researcher by name, however written', () => {
    expect(coderAtStart([ana, beto], null, ' ana pérez ')).toEqual({ use: 'a' });
  });
  it('makes the researcher the first coder of a project nobody has coded', () => {
    expect(coderAtStart([], null, 'Ana Pérez')).toEqual({ create: 'Ana Pérez' });
  });
  it('asks in a team’s project where the name is not a coder, where two coders share it, or when no name is known', () => {
    expect(coderAtStart([ana, beto], null, 'Carla')).toEqual({ ask: true });
    expect(coderAtStart([ana, { id: 'a2', name: 'Ana Pérez' }], null, 'Ana Pérez')).toEqual({ ask: true });
    expect(coderAtStart([], null, null)).toEqual({ ask: true });
    expect(coderAtStart([ana], 'gone', null)).toEqual({ ask: true });
  });
  it('gives each new coder a colour nobody has yet', () => {
    expect(nextCoderColor([])).toBe(CODER_COLORS[0]);
    expect(nextCoderColor([{ color: CODER_COLORS[0].toUpperCase() }])).toBe(CODER_COLORS[1]);
  });
});
