import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksBinary } from '../../../src/import/encoding';
import { guessLanguage } from '../../../src/import/language';
import { countWords, normalizeText } from '../../../src/import/normalize';

// The importer's scans take shortcuts for speed (lookup tables, skipped passes); these
// tests hold them to the plain definitions on any text a transcript could contain.

/** Transcript-like text: letters with accents, joiners, every kind of line break, stray controls and emoji. */
const transcriptText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'E:',
        'Entrevistadora',
        'niño',
        'ação',
        'l’école',
        "d'Ávila",
        'bem-estar',
        'Αυτή',
        '𝒳',
        '😊',
        'n\u0303',
        '3',
        '—',
        '…',
        '\ud835',
        '\udcb3',
        '和平',
        'inter\u00advención',
      ),
      fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\f', '\v', '\x1a', ' \n', '\t\r\n', '-', "'", '’', '\ufeff', '\u0001'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Words by definition: runs of letters, digits and marks, joined by ' ’ - before a letter or digit. */
function wordsByDefinition(text: string): number {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu)?.length ?? 0;
}

/** The one text form, step by step, with no shortcut. */
function normalFormByDefinition(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n')
    .replace(/\x1a/g, '')
    .replace(/\u00ad/g, '')
    .normalize('NFC')
    .replace(/[ \t]+\n/g, '\n')
    .trimEnd();
}

function looksBinaryByDefinition(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.includes('\0')) return true;
  const controls = [...sample].reduce((n, ch) => n + (/[\x01-\x08\x0e-\x19\x1b-\x1f\ufffd]/.test(ch) ? ch.length : 0), 0);
  return sample.length > 0 && controls / sample.length > 0.01;
}

/** The language guess word by word: marker words of each language, and letters only one language writes. */
function languageByDefinition(text: string): string {
  const markers: Record<string, string[]> = {
    es: [
      'el',
      'los',
      'las',
      'y',
      'es',
      'por',
      'una',
      'del',
      'pero',
      'muy',
      'como',
      'también',
      'porque',
      'yo',
      'ellos',
      'hay',
      'sí',
      'qué',
      'más',
      'está',
      'con',
      'su',
      'al',
      'lo',
      'le',
      'se',
      'cuando',
    ],
    pt: [
      'o',
      'os',
      'e',
      'em',
      'um',
      'uma',
      'é',
      'não',
      'com',
      'do',
      'da',
      'dos',
      'das',
      'mas',
      'muito',
      'eu',
      'você',
      'são',
      'isso',
      'ao',
      'na',
      'no',
      'pelo',
      'pela',
      'quando',
      'também',
    ],
    en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'for', 'with', 'was', 'but', 'very', 'they', 'we', 'i', 'you', 'this', 'not', 'are', 'have', 'she', 'he'],
  };
  const sample = text
    .slice(0, 2500)
    .replace(/^\s*[\p{L}\p{N} ]{1,20}:/gmu, ' ')
    .toLowerCase();
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return 'und';
  // Ties go to the language met first.
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  for (const w of words) for (const [lang, list] of Object.entries(markers)) if (list.includes(w)) add(lang, 1);
  add('es', 3 * (sample.match(/[ñ¿¡]/g)?.length ?? 0));
  add('pt', 3 * (sample.match(/[ãõç]/g)?.length ?? 0));
  const [best] = [...scores].sort((a, b) => b[1] - a[1]);
  return best[1] === 0 || best[1] < words.length * 0.05 ? 'und' : best[0];
}

describe('the importer’s fast text scans', () => {
  it('count the same words as the definition, in any language and with emoji', () => {
    fc.assert(
      fc.property(transcriptText, (text) => {
        expect(countWords(text)).toBe(wordsByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('normalise line breaks, accents and trailing spaces exactly as the step-by-step definition', () => {
    fc.assert(
      fc.property(transcriptText, (raw) => {
        expect(normalizeText(raw)).toBe(normalFormByDefinition(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('guess the same language as reading word by word', () => {
    const words = fc.constantFrom(
      'el',
      'la',
      'y',
      'não',
      'com',
      'também',
      'the',
      'and',
      'niño',
      'ação',
      'visita',
      'família',
      'Αυτή',
      '𝒳',
      'E:',
      'P1:',
      '¿Qué',
      'ñandú',
      'El',
      'THE',
    );
    const text = fc.array(fc.oneof(words, fc.constantFrom(' ', '\n', ', ', '. ')), { maxLength: 80 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, transcriptText), (t) => {
        expect(guessLanguage(t)).toBe(languageByDefinition(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('take text for binary data exactly when the definition does', () => {
    fc.assert(
      fc.property(transcriptText, (text) => {
        expect(looksBinary(text)).toBe(looksBinaryByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });
});
