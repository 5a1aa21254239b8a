import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { es } from '../../src/i18n/es';
import { pt } from '../../src/i18n/pt';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface in English, Spanish and Portuguese', () => {
  it('uses plural forms', () => {
    expect(translate('en', 'count.sources', { count: 1 })).toBe('1 source');
    expect(translate('en', 'count.sources', { count: 1200 })).toBe('1,200 sources');
    expect(translate('es', 'count.sources', { count: 1200 })).toBe('1200 fuentes');
    expect(translate('pt', 'count.cases', { count: 1 })).toBe('1 caso');
  });

  it('agrees a word with the number before it, whichever number it is ("en 1 fuente", not "en 1 fuentes")', () => {
    const spread = { hits: 1, passages: 1, sources: 1, cases: 1, totalCases: 10, pct: 10 };
    expect(translate('es', 'search.spread', spread)).toBe('1 resultado en 1 pasaje · 1 fuente · 1 de 10 casos (10 %)');
    expect(translate('en', 'search.spread', { ...spread, hits: 3, passages: 2, sources: 2 })).toBe('3 hits in 2 passages · 2 sources · 1 of 10 cases (10%)');
    expect(translate('pt', 'search.byCaseNote', { mentioning: 1, total: 1, pct: 100 })).toBe('1 de 1 caso o menciona (100%).');
    expect(translate('en', 'classification.applied', { updated: 1, created: 0 })).toBe('Attributes set on 1 case; 0 new cases.');
  });

  it('tells what an import did with notes, comments and page headers in each language', async () => {
    const { importSource } = await import('../../src/import');
    const { fixture } = await import('./helpers');
    const result = await importSource({ name: 'entrevista_DRC.docx', bytes: fixture('formats/entrevista_DRC.docx') });
    if (!result.ok) throw new Error(result.error.message);
    const [footnotes, comments] = result.sources[0].warnings;
    expect(translate('es', `import.note.${footnotes.code}`, footnotes.params)).toBe('1 nota al pie añadida al final del texto');
    expect(translate('pt', `import.note.${comments.code}`, comments.params)).toBe('1 comentário guardado ao lado do texto, não nele');
    expect(translate('en', `import.note.${comments.code}`, { count: 3 })).toBe('3 comments kept beside the text, not in it');
  });

  it('says why a file was refused in the researcher’s language, a damaged file’s format included', async () => {
    const { importSource } = await import('../../src/import');
    const { fixture } = await import('./helpers');
    const { importErrorText } = await import('../../renderer/src/labels');
    const truncated = await importSource({ name: 'truncated.docx', bytes: fixture('bad-input/truncated.docx') });
    const locked = await importSource({ name: 'password-protected.odt', bytes: fixture('bad-input/password-protected.odt') });
    if (truncated.ok || locked.ok) throw new Error('imported');
    const es = (key: string, params?: Record<string, string | number>) => translate('es', key as never, params);
    expect(importErrorText(es, truncated.error)).toMatch(/^archivo Word dañado o ilegible \(.+\)$/);
    expect(importErrorText(es, locked.error)).toBe('el documento está protegido con contraseña: quítela y vuelva a importarlo');
    expect(importErrorText((key, params) => translate('en', key, params), truncated.error)).toBe(truncated.error.message);
  });

  it('names the steps of the history in the researcher’s language; steps stored as text (before version 3) read as written', async () => {
    const { historyText, step } = await import('../../src/db/changes');
    const { importStepLabel } = await import('../../src/db/sources');
    expect(historyText(importStepLabel(['a.txt', 'b.txt', 'c.txt']), 'es')).toBe('Importar 3 archivos');
    expect(historyText(step('history.setValue', { attribute: 'Rol', case: 'DRA' }), 'es')).toBe('Cambiar Rol de «DRA»');
    expect(historyText(step('history.uncode', { count: 1 }))).toBe('Uncode segment');
    expect(historyText(step('history.moveCode', { name: 'Vínculo' }), 'pt')).toBe('Mover «Vínculo»');
    const { legacyLabel } = await import('../../src/db/upgrades');
    expect(historyText(legacyLabel('Import “ARIII_phone.txt”'), 'es')).toBe('Import “ARIII_phone.txt”');
  });

  it('falls back to English where a translation is missing (the app’s name is not translated)', () => {
    expect(translate('pt', 'app.name')).toBe(en['app.name']);
  });

  it('Spanish and Portuguese cover every message, and translations keep the same placeholders', () => {
    const translatable = Object.keys(en)
      .filter((k) => k !== 'app.name')
      .sort();
    expect(Object.keys(es).sort()).toEqual(translatable);
    expect(Object.keys(pt).sort()).toEqual(translatable);
    for (const [catalogue, name] of [
      [es, 'es'],
      [pt, 'pt'],
    ] as const) {
      for (const [key, text] of Object.entries(catalogue)) {
        const english = en[key as keyof typeof en];
        if (english === '{message}') continue; // English shows the importer's own words
        expect(placeholders(text!), `${name} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('picks the researcher’s language from the browser', () => {
    expect(pickLocale(['es-CL', 'en'])).toBe('es');
    expect(pickLocale(['pt-BR'])).toBe('pt');
    expect(pickLocale(['de-DE'])).toBe('en');
  });
});
