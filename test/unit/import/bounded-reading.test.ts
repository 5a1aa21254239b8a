import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { htmlParagraphs } from '../../../src/import/html-paragraphs';
import { wordPackage, wordParagraph } from './packages';

describe('reading files that are built to expand or stall', () => {
  it('replaces half a character pair in an RTF transcript with � and says so, keeping the rest', async () => {
    const r = await importSource({ name: 'P3.rtf', bytes: new TextEncoder().encode('{\\rtf1\\ansi E: Hola \\u-10240? y adi\\u243?s\\par}') });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sources[0].text).toBe('E: Hola \uFFFD y adiós');
    expect(r.sources[0].warnings.map((w) => w.code)).toContain('broken-characters');
  });

  it('refuses a Word file whose 60 MB of text pack into a few kilobytes, before reading it', async () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024).fill(0x61) }, { level: 9 });
    const r = await importSource({ name: 'informe.docx', bytes });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^damaged Word file \(its \d+ KB would unpack to 60 MB: no document packs that tightly\)$/);
  });

  it('refuses a file whose embedded documents add up to more text than any transcript', async () => {
    const chunks = 40;
    const bytes = wordPackage(
      Array.from({ length: chunks }, (_, i) => `<w:altChunk r:id="rId${i}"/>`).join(''),
      Object.fromEntries(Array.from({ length: chunks }, (_, i) => [`word/chunk${i}.txt`, strToU8('texto repetido '.repeat(60_000))])),
      Array.from(
        { length: chunks },
        (_, i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk${i}.txt"/>`,
      ).join(''),
    );
    const r = await importSource({ name: 'incrustados.docx', bytes });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toMatch(/unpacks-too-large|too-much-text/);
  });

  it('reads a Word file nested too deeply as damaged, in words about the file', async () => {
    const r = await importSource({ name: 'profundo.docx', bytes: wordPackage('<w:p>'.repeat(100_000) + '<w:r><w:t>hola</w:t></w:r>' + '</w:p>'.repeat(100_000)) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('damaged Word file (its contents are nested too deeply to read)');
  });

  it('reads a web page with unclosed rows, comments and tags as a reader would, in one pass', () => {
    expect(htmlParagraphs('<p>Antes</p><!-- nota sin cerrar <p>oculto</p>')).toEqual(['Antes']);
    expect(htmlParagraphs('<table><tr><td>E<td>¿Cómo está?<tr><td>P1<td>Bien</table><p>Fin')).toEqual(['E | ¿Cómo está?', 'P1 | Bien', 'Fin']);
    expect(htmlParagraphs('<p>a < b y c <<< d</p>')).toEqual(['a < b y c <<< d']);
    expect(htmlParagraphs('<div>'.repeat(50_000) + 'hondo' + '</div>'.repeat(50_000))).toEqual(['hondo']);
    expect(htmlParagraphs('<p>Texto<script>var x = "<p>no</p>";</script> sigue</p>')).toEqual(['Texto sigue']);
  });

  it('keeps a normal Word interview well within the limits', async () => {
    const r = await importSource({ name: 'P1.docx', bytes: wordPackage(wordParagraph('E: ¿Qué cambió?') + wordParagraph('P1: La confianza.')) });
    expect(r.ok).toBe(true);
  });
});
