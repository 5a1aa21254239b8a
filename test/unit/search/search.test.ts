import { describe, expect, it } from 'vitest';
import { parseQuery, parseRegex } from '../../../src/search/query';
import { parseThesaurus } from '../../../src/search/thesaurus';
import { searchData } from './corpus-fixture';
import { foundTexts, searchBothWays } from './helpers';

const find = (query: string, extra: object = {}) => foundTexts(searchData, { query, mode: 'words', ...extra });
const sourcesOf = (query: string) => {
  const { linear } = searchBothWays(searchData, { query, mode: 'words' });
  if (!linear.ok) throw new Error(linear.error.key);
  return [...new Set(linear.hits.map((h) => h.sourceId))];
};
const errorOf = (query: string) => {
  const parsed = parseQuery(query);
  return parsed.ok ? null : parsed.error;
};

describe('searching the corpus in Spanish, Portuguese and English', () => {
  it('finds a Spanish word typed without its accent, and its plural', () => {
    expect(find('intervencion')).toEqual(['intervención', 'intervención']);
    expect(find('INTERVENCIÓN')).toEqual(['intervención', 'intervención']);
    expect(find('vinculo')).toEqual(['vínculo', 'vínculos']);
  });

  it('finds a Portuguese word typed without its accents: acao finds ação, confianca finds confiança', () => {
    expect(find('acao')).toEqual(['ação']);
    expect(find('confianca')).toContain('confiança');
  });

  it('stems each source in its own language: correr finds correndo in Portuguese', () => {
    expect(find('correr')).toEqual(['correndo']);
  });

  it('finds English words by stem: trusted finds trust', () => {
    expect(find('trusted')).toEqual(['Trust', 'trust']);
  });
});

describe('the query language', () => {
  it('finds an exact phrase only where its words stand together, in order', () => {
    expect(find('"falta de tiempo"')).toEqual(['falta de tiempo']);
    expect(find('"tiempo de falta"')).toEqual([]);
    expect(find('“visita domiciliar”')).toEqual(['visita domiciliar']);
  });

  it('finds words near each other within the distance, in either order', () => {
    expect(find('miedo NEAR/1 vínculos')).toEqual([]);
    expect(find('miedo NEAR/2 vínculos')).toEqual(['miedo, pero los vínculos']);
    expect(find('vínculos NEAR/2 miedo')).toEqual(['miedo, pero los vínculos']);
    expect(find('family NEAR/2 trust')).toEqual([]);
    expect(find('afraid NEAR/6 trust')).toEqual(['afraid of being judged; trust']);
  });

  it('expands a wildcard over word endings, accents folded', () => {
    expect(find('confian*')).toEqual(['confianza', 'confiança']);
    expect(find('vincul*')).toEqual(['vínculo', 'vínculos']);
    expect(find('*encion')).toEqual(['intervención', 'intervención']);
  });

  it('requires and excludes words with + and -, and reads AND, OR and NOT', () => {
    expect(sourcesOf('trust family')).toEqual(['s-en']);
    expect(sourcesOf('confian*')).toEqual(['s-es', 's-pt']);
    expect(sourcesOf('confian* -vínculo')).toEqual(['s-pt']);
    expect(find('+miedo +vínculos')).toEqual(['miedo', 'miedo', 'vínculos']);
    expect(find('miedo AND vínculos')).toEqual(find('+miedo +vínculos'));
    expect(find('miedo NOT vínculos')).toEqual(['miedo']);
    expect(find('miedo OR trust')).toEqual(['miedo', 'miedo', 'miedo', 'Trust', 'trust']);
  });

  it('filters by speaker, kind, case and source, in any of our languages', () => {
    expect(find('miedo speaker:Madre')).toEqual(['miedo', 'miedo']);
    expect(find('miedo speaker:Entrevistadora')).toEqual(['miedo']);
    expect(find('hablante:entrevistadora')).toEqual(['¿Cómo fue la intervención con la familia?', '¿Y el miedo al principio?']);
    expect(sourcesOf('familia kind:report')).toEqual(['s-pt']);
    expect(sourcesOf('familia caso:ARIII')).toEqual(['s-es']);
    expect(sourcesOf('family source:"Field note P3"')).toEqual(['s-en']);
    expect(sourcesOf('family -source:"Field note P3"')).toEqual([]);
  });

  it('filters by a case attribute: Capacitación = Sí', () => {
    expect(sourcesOf('familia family Capacitación = Sí')).toEqual(['s-es', 's-en']);
    expect(sourcesOf('familia family capacitacion=no')).toEqual(['s-pt']);
    expect(sourcesOf('familia "Capacitación":"No"')).toEqual(['s-pt']);
  });

  it('expands words through the project thesaurus when asked', () => {
    const thesaurus = parseThesaurus('vínculo, lazo, confianza\nnada');
    expect(find('vínculo')).toEqual(['vínculo', 'vínculos']);
    expect(find('vínculo', { thesaurus })).toEqual(['confianza', 'vínculo', 'vínculos']);
    expect(find('lazos', { thesaurus })).toEqual(['confianza', 'vínculo', 'vínculos']);
    expect(thesaurus).toEqual([['vínculo', 'lazo', 'confianza']]);
  });

  it('scans the text with a regular expression in regex mode', () => {
    expect(foundTexts(searchData, { query: 'mied[oa]', mode: 'regex' })).toEqual(['miedo', 'miedo', 'miedo']);
    expect(foundTexts(searchData, { query: '\\bvisit\\w*', mode: 'regex' })).toEqual(['visitor', 'visits', 'visita']);
  });

  it('says what is wrong with a bad query, never throws', () => {
    expect(errorOf('"vínculo sin cerrar')?.key).toBe('search.error.unclosed-quote');
    expect(errorOf('')?.key).toBe('search.error.empty');
    expect(errorOf('   ')?.key).toBe('search.error.empty');
    expect(errorOf('-miedo')?.key).toBe('search.error.only-excluded');
    expect(errorOf('NEAR/5 miedo')?.key).toBe('search.error.near-needs-two');
    expect(errorOf('miedo NEAR/0 vínculo')?.key).toBe('search.error.near-distance');
    expect(errorOf('miedo NEAR vínculo')?.key).toBe('search.error.near-distance');
    expect(errorOf('miedo AND')?.key).toBe('search.error.lonely-operator');
    expect(errorOf('speaker:')?.key).toBe('search.error.field-needs-value');
    expect(errorOf('= Sí')?.key).toBe('search.error.lonely-equals');
    expect(errorOf('x'.repeat(3000))?.key).toBe('search.error.too-long');
    const unknown = searchBothWays(searchData, { query: 'miedo Región = Norte', mode: 'words' }).linear;
    expect(unknown).toMatchObject({ ok: false, error: { key: 'search.error.unknown-attribute', params: { attribute: 'Región' } } });
    const regex = parseRegex('mied(o');
    expect(regex.ok ? null : regex.error.key).toBe('search.error.bad-regex');
    const empty = parseRegex('x*');
    expect(empty.ok ? null : empty.error.key).toBe('search.error.regex-matches-empty');
    for (const q of ['(', ')', '***', '"', '+', '-', '::', 'a:b:c', 'NOT', 'OR OR', '"" ""', '\u0000', 'NEAR/5', 'a NEAR/5 "b c" NEAR/2 d'])
      expect(() => searchBothWays(searchData, { query: q, mode: 'words' })).not.toThrow();
  });
});
