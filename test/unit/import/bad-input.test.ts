import { describe, expect, it } from 'vitest';
import { importSource, type ImportError } from '../../../src/import';
import { fixture, shared, itWithShared } from '../helpers';

/** Every file in fixtures/bad-input, with the reason a researcher should read. */
const BAD_INPUT: [file: string, code: ImportError['code'], reason: RegExp][] = [
  ['empty.txt', 'empty', /empty \(0 bytes\)/],
  ['only-spaces.txt', 'empty', /no text in it/],
  ['photo-renamed.txt', 'binary', /binary data, not text/],
  ['truncated.docx', 'corrupt', /damaged Word file/],
  ['plain-text-renamed.docx', 'corrupt', /not a valid Word \.docx file/],
  ['ole-header-only.doc', 'corrupt', /damaged Word file/],
  ['truncated.doc', 'corrupt', /damaged Word file/],
  ['looping-chain.doc', 'corrupt', /damaged Word file \(a sector chain is broken or loops\)/],
  ['truncated.pdf', 'corrupt', /damaged PDF file/],
  ['scanned.pdf', 'no-text-layer', /no text layer \(scanned\?\)/],
  ['cut-short.rtf', 'corrupt', /damaged RTF file/],
  ['no-header.vtt', 'corrupt', /not a WebVTT file/],
  ['spreadsheet.xlsx', 'no-text', /the spreadsheet has no rows/],
  ['odt-without-content.odt', 'corrupt', /content\.xml is missing/],
  ['entity-bomb.odt', 'corrupt', /damaged OpenDocument file/],
  ['zip-bomb.docx', 'unpacks-too-large', /would unpack to 600 MB, over the 256 MB a document can hold/],
  ['password-protected.docx', 'encrypted', /password-protected: remove the password/],
  ['password-protected.odt', 'encrypted', /password-protected: remove the password/],
  ['password-protected.pdf', 'encrypted', /password-protected: remove the password/],
];

describe('refusing bad files with a reason that names the file', () => {
  it.each(BAD_INPUT)('refuses %s (%s)', async (file, code, reason) => {
    const result = await importSource({ name: file, bytes: fixture(`bad-input/${file}`) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.fileName).toBe(file);
    expect(result.error.message).toMatch(reason);
  });

  it('refuses a file over the size limit and says the limit', async () => {
    const result = await importSource({ name: 'long.txt', bytes: new Uint8Array(3 * 1024 * 1024).fill(97), options: { maxBytes: 2 * 1024 * 1024 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', message: 'the file is 3.0 MB, over the size limit of 2.0 MB' } });
  });

  it.each([
    ['encuesta.xls', /^Excel file: open it in Excel, save or export it as \.xlsx or \.csv, and import that$/],
    ['entrevista.pages', /Pages file: open it in Pages, save or export it as \.docx/],
    ['notas.wpd', /^WordPerfect file: .* \.docx/],
  ])('tells what to do with %s, a file whose text another program must give first', async (name, reason) => {
    const result = await importSource({ name, bytes: new Uint8Array([1, 2, 3]) });
    expect(result).toMatchObject({ ok: false, error: { code: 'export-first', fileName: name } });
    if (!result.ok) expect(result.error.message).toMatch(reason);
  });

  it('refuses a file with no extension', async () => {
    const result = await importSource({ name: 'README', bytes: new Uint8Array([65]) });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-extension' } });
  });

  itWithShared('refuses a codebook (.qdc) that is not a source, without crashing', async () => {
    const result = await importSource({ name: 'codebook.qdc', bytes: shared('refi/samples/atlasti23_codebook_truncated_czech.qdc') });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-extension' } });
  });
});
