import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync, zlibSync } from 'fflate';
import { root } from '../unit/helpers';
import { openDocumentPackage, wordPackage, wordParagraph } from '../unit/import/packages';
import type { FuzzCase } from './isolated';

/**
 * Hostile files, the same on every run (seeded): random bytes in every format, real files
 * damaged in the ways copies and transfers damage them, decompression bombs, floods of
 * the characters parsers stop at, deep nesting, and text that is not valid Unicode.
 */
export function hostileCases(seed = 20261201): FuzzCase[] {
  return [...randomBytes(seed), ...mutatedFixtures(seed), ...bombs(), ...floods(), ...deepNesting(), ...badUnicode()];
}

const FORMATS = ['txt', 'md', 'docx', 'doc', 'pdf', 'odt', 'rtf', 'html', 'vtt', 'srt', 'otr', 'csv', 'xlsx', 'ods'];
const te = (s: string) => new TextEncoder().encode(s);

function randomBytes(seed: number): FuzzCase[] {
  const blobs = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 4096 }), { seed, numRuns: FORMATS.length * 10 });
  return blobs.map((bytes, i) => ({ label: `random bytes as .${FORMATS[i % FORMATS.length]}`, name: `random_${i}.${FORMATS[i % FORMATS.length]}`, bytes }));
}

/** Every fixture this project wrote, damaged: bits flipped, cut short, bytes inserted, a chunk repeated. */
function mutatedFixtures(seed: number): FuzzCase[] {
  const files: string[] = [];
  for (const dir of ['formats', 'transcripts', 'surveys', 'sample']) {
    for (const f of readdirSync(`${root}fixtures/${dir}`)) if (/\.(txt|md|docx|doc|pdf|odt|rtf|html|vtt|srt|otr|csv|xlsx|ods)$/.test(f)) files.push(`${dir}/${f}`);
  }
  const mutation = fc.record({
    kind: fc.constantFrom('flip', 'cut', 'insert', 'repeat', 'zero'),
    at: fc.noBias(fc.integer({ min: 0, max: 9999 })).map((n) => n / 10000),
    length: fc.noBias(fc.integer({ min: 1, max: 4096 })),
    byte: fc.integer({ min: 0, max: 255 }),
  });
  const plans = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 4 }), { seed: seed + 1, numRuns: files.length * 7 });
  return plans.map((plan, i) => {
    const file = files[i % files.length];
    let bytes: Uint8Array = new Uint8Array(readFileSync(`${root}fixtures/${file}`));
    for (const m of plan) bytes = mutate(bytes, m);
    return { label: `damaged fixture (${plan.map((m) => m.kind).join('+')})`, name: file.split('/').pop()!, bytes };
  });
}

function mutate(bytes: Uint8Array, m: { kind: string; at: number; length: number; byte: number }): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      for (let i = at; i < Math.min(out.length, at + m.length); i += 97) out[i] ^= 1 << (m.byte % 8);
      return out;
    }
    case 'cut':
      return bytes.slice(0, Math.max(1, at));
    case 'insert': {
      const out = new Uint8Array(bytes.length + m.length);
      out.set(bytes.subarray(0, at));
      out.fill(m.byte, at, at + m.length);
      out.set(bytes.subarray(at), at + m.length);
      return out;
    }
    case 'repeat': {
      const chunk = bytes.subarray(at, at + m.length);
      const out = new Uint8Array(bytes.length + chunk.length * 8);
      out.set(bytes.subarray(0, at));
      for (let k = 0; k < 8; k++) out.set(chunk, at + k * chunk.length);
      out.set(bytes.subarray(at), at + chunk.length * 8);
      return out;
    }
    default: {
      const out = bytes.slice();
      out.fill(0, at, at + m.length);
      return out;
    }
  }
}

function bombs(): FuzzCase[] {
  const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024).fill(32);
  // A document whose text is huge: 64 MB of words, a few hundred kilobytes packed.
  const words = strToU8('palabra '.repeat(1024 * 1024));
  const bigText = new Uint8Array(words.length * 8);
  for (let k = 0; k < 8; k++) bigText.set(words, k * words.length);
  const bigBody = `<w:p><w:r><w:t>`;
  const docxText = zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      'word/document.xml': concat(
        strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bigBody}`),
        bigText,
        strToU8('</w:t></w:r></w:p></w:body></w:document>'),
      ),
    },
    { level: 9 },
  );
  // A zip that says its document is small and inflates to far more.
  const liar = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': zeros(64) }, { level: 9 });
  lieAboutSizes(liar);
  const odsRepeat = zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8(
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">' +
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>respuesta larga</text:p></table:table-cell></table:table-row>' +
        '</table:table></office:spreadsheet></office:body></office:document-content>',
    ),
  });
  const xlsxBomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/sharedStrings.xml': zeros(64) }, { level: 9 });
  // Word documents embedded in one another, ten deep (altChunk).
  let nested = wordPackage(wordParagraph('el fondo'));
  for (let depth = 0; depth < 10; depth++) {
    nested = wordPackage(
      wordParagraph(`nivel ${depth}`) + '<w:altChunk r:id="rIdChunk"/>',
      { 'word/inner.docx': nested },
      '<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="inner.docx"/>',
    );
  }
  // Many embedded documents side by side, each a fair size.
  const wide = wordPackage(
    Array.from({ length: 200 }, (_, i) => `<w:altChunk r:id="rId${i}"/>`).join(''),
    Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`word/chunk${i}.txt`, 'texto repetido '.repeat(20000)])),
    Array.from(
      { length: 200 },
      (_, i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk${i}.txt"/>`,
    ).join(''),
  );
  return [
    { label: 'zip bomb: Word text of 64 MB', name: 'bomba_texto.docx', bytes: docxText },
    { label: 'zip bomb: sizes that lie', name: 'bomba_mentirosa.docx', bytes: liar },
    { label: 'zip bomb: .odt', name: 'bomba.odt', bytes: zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': zeros(64) }, { level: 9 }) },
    { label: 'zip bomb: Excel shared strings', name: 'bomba.xlsx', bytes: xlsxBomb },
    { label: 'ODS: a million rows of 16,384 repeated cells', name: 'repetida.ods', bytes: odsRepeat },
    { label: 'Word: ten nested embedded documents', name: 'anidado.docx', bytes: nested },
    { label: 'Word: 200 embedded documents', name: 'muchos_incrustados.docx', bytes: wide },
    { label: 'PDF: a content stream that inflates to 64 MB', name: 'bomba.pdf', bytes: pdfBomb() },
    { label: 'entity bomb in Word', name: 'entidades.docx', bytes: entityBombDocx() },
    { label: 'entity bomb in HTML', name: 'entidades.html', bytes: te('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><p>' + '&a;'.repeat(200000) + '</p>') },
  ];
}

function floods(): FuzzCase[] {
  const n = 400_000;
  const flood = (label: string, name: string, text: string): FuzzCase => ({ label, name, bytes: te(text) });
  return [
    flood("flood of '<' in .html", 'lt.html', '<'.repeat(n)),
    flood("flood of '<p' in .html", 'p.html', '<p'.repeat(n / 2)),
    flood('unclosed comment in .html', 'comment.html', '<p>hola</p><!--' + 'x'.repeat(n)),
    flood('unclosed comments repeated in .html', 'comments.html', '<!--'.repeat(n / 4)),
    flood('unclosed script in .html', 'script.html', '<script>' + 'var a = 1;'.repeat(n / 10)),
    flood('unclosed scripts repeated in .html', 'scripts.html', '<script>'.repeat(n / 8)),
    flood('table rows never closed in .html', 'rows.html', '<table>' + '<tr><td>celda'.repeat(n / 12)),
    flood('table rows opened and closed in .html', 'rows2.html', '<table>' + '<tr><td>a</td></tr>'.repeat(n / 16) + '</table>'),
    flood('unclosed body in .html', 'body.html', '<body '.repeat(n / 6)),
    flood('unclosed del in .html', 'del.html', '<del>'.repeat(n / 5)),
    flood('header divs in .html', 'headers.html', '<div title="header">'.repeat(n / 20)),
    flood('sup marks in .html', 'sup.html', '<sup>1'.repeat(n / 6)),
    flood('note links in .html', 'links.html', '<a href="#'.repeat(n / 10)),
    flood('character references in .html', 'refs.html', '&#'.repeat(n / 2)),
    flood("flood of '<' in .md", 'lt.md', '<'.repeat(n)),
    flood("flood of '[' in .md", 'corchete.md', '['.repeat(n)),
    flood("flood of '*' in .md", 'asterisco.md', '*'.repeat(n)),
    flood("flood of '**E' in .md", 'negrita.md', '**E'.repeat(n / 3)),
    flood("flood of '_' and '`' in .md", 'marcas.md', '_`'.repeat(n / 2)),
    flood('links never closed in .md', 'enlaces.md', '[a]('.repeat(n / 4)),
    flood('blank lines in .md', 'vacias.md', 'a\n' + '\n'.repeat(n)),
    flood('emphasis never closed in .md', 'enfasis.md', ' *a'.repeat(n / 3)),
    flood('strong emphasis never closed in .md', 'fuerte.md', '**a '.repeat(n / 4)),
    flood('images never closed in .md', 'imagenes.md', '!['.repeat(n / 2)),
    flood("flood of '[' in .txt", 'corchete.txt', '['.repeat(n)),
    flood('speaker labels without words in .txt', 'etiquetas.txt', 'E:\n'.repeat(n / 3)),
    flood('one line of 2 MB in .txt', 'linea.txt', 'palabra '.repeat(250_000)),
    flood('label-like lines in .txt', 'parentesis.txt', 'P1 ('.repeat(n / 4)),
    flood('colons in .txt', 'dospuntos.txt', 'a:'.repeat(n / 2)),
    flood('timestamps in .txt', 'tiempos.txt', '[00:00:01] '.repeat(n / 11)),
    flood('voice tags never closed in .vtt', 'voces.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n' + '<v '.repeat(n / 3)),
    flood('voice tags in many cues in .vtt', 'cues.vtt', 'WEBVTT\n\n' + '00:00:01.000 --> 00:00:02.000\n<v Ana>hola</v> <v Bea>\n\n'.repeat(n / 60)),
    flood("flood of '<' in .srt", 'lt.srt', '1\n00:00:01,000 --> 00:00:02,000\n' + '<'.repeat(n)),
    flood('cue arrows in .srt', 'flechas.srt', '1\n' + '00:00:01,000 --> '.repeat(n / 17)),
    flood("flood of '<' in .otr", 'lt.otr', JSON.stringify({ text: '<'.repeat(n) })),
    flood('unclosed tags in .otr', 'tags.otr', JSON.stringify({ text: '<p><span class="timestamp" data-timestamp="1">'.repeat(n / 48) })),
    flood('deep JSON in .otr', 'json.otr', '['.repeat(n) + ']'.repeat(n)),
    flood('RTF groups opened and never closed', 'grupos.rtf', '{\\rtf1 ' + '{'.repeat(n)),
    flood('RTF control words', 'control.rtf', '{\\rtf1 ' + '\\par'.repeat(n / 4) + '}'),
    flood('RTF hex escapes cut short', 'hex.rtf', '{\\rtf1 ' + "\\'".repeat(n / 2) + '}'),
    flood('RTF unicode escapes', 'unicode.rtf', '{\\rtf1 ' + '\\u-10000?'.repeat(n / 10) + '}'),
    flood('quotes never closed in .csv', 'comillas.csv', 'id,respuesta\n1,"' + 'a'.repeat(n)),
    flood('a million empty rows in .csv', 'filas.csv', 'id,respuesta\n' + ',\n'.repeat(n)),
    flood('a row of 100,000 columns in .csv', 'columnas.csv', ','.repeat(100_000) + '\n' + 'a,'.repeat(100_000)),
  ];
}

function deepNesting(): FuzzCase[] {
  const depth = 200_000;
  return [
    { label: 'Word XML nested 200,000 deep', name: 'profundo.docx', bytes: wordPackage('<w:p>'.repeat(depth) + '<w:r><w:t>hola</w:t></w:r>' + '</w:p>'.repeat(depth)) },
    { label: 'ODT XML nested 200,000 deep', name: 'profundo.odt', bytes: openDocumentPackage('<text:span>'.repeat(depth) + 'hola' + '</text:span>'.repeat(depth)) },
    { label: 'HTML nested 200,000 deep', name: 'profundo.html', bytes: te('<div>'.repeat(depth) + 'hola' + '</div>'.repeat(depth)) },
    {
      label: 'Word tables nested 20,000 deep',
      name: 'tablas.docx',
      bytes: wordPackage('<w:tbl><w:tr><w:tc>'.repeat(20_000) + wordParagraph('hola') + '</w:tc></w:tr></w:tbl>'.repeat(20_000)),
    },
    {
      label: 'ODS XML nested 200,000 deep',
      name: 'profundo.ods',
      bytes: zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<a>'.repeat(depth) + '</a>'.repeat(depth)) }),
    },
  ];
}

function badUnicode(): FuzzCase[] {
  const utf16 = (units: number[], bom = true) => {
    const all = bom ? [0xfeff, ...units] : units;
    const out = new Uint8Array(all.length * 2);
    all.forEach((u, i) => {
      out[2 * i] = u & 0xff;
      out[2 * i + 1] = u >> 8;
    });
    return out;
  };
  const words = [...'E: Hola '].map((c) => c.charCodeAt(0));
  return [
    { label: 'lone surrogates in UTF-16 .txt', name: 'solitarios.txt', bytes: utf16([...words, 0xd800, 0x61, 0xdc00, 0x62, 0xdbff]) },
    {
      label: 'lone surrogates in UTF-16 .vtt',
      name: 'solitarios.vtt',
      bytes: utf16([...[...'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHola '].map((c) => c.charCodeAt(0)), 0xd83d, 0x0a]),
    },
    { label: 'surrogates encoded in UTF-8 (CESU) .txt', name: 'cesu.txt', bytes: new Uint8Array([...te('Entrevista: '), 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, ...te(' fin')]) },
    { label: 'surrogate references in .html', name: 'solitarios.html', bytes: te('<p>Hola &#xD800; y &#55296; y &#x1F600;</p>') },
    { label: 'lone surrogate escapes in .otr', name: 'solitarios.otr', bytes: te('{"text":"<p>Hola \\ud800 y \\udc00</p>"}') },
    { label: 'lone surrogate in RTF \\u', name: 'solitarios.rtf', bytes: te('{\\rtf1 Hola \\u-10240? y \\u56320? fin}') },
    {
      label: 'lone surrogate in .csv (UTF-16)',
      name: 'solitarios.csv',
      bytes: utf16([...[...'id,respuesta\n1,'].map((c) => c.charCodeAt(0)), 0xdc00, ...[...'bien\n'].map((c) => c.charCodeAt(0))]),
    },
    {
      label: 'overlong UTF-8 and stray bytes in .md',
      name: 'sobrelargo.md',
      bytes: new Uint8Array([...te('# Título\n'), 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xff, 0xfe, ...te('\nfin')]),
    },
  ];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Rewrites every size a zip declares (local headers and central directory) to 1 KB. */
function lieAboutSizes(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= zip.length) view.setUint32(i + 22, 1024, true);
    if (sig === 0x02014b50 && i + 28 <= zip.length) view.setUint32(i + 24, 1024, true);
  }
}

function entityBombDocx(): Uint8Array {
  const ents = '<!ENTITY a0 "jajajajaja">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`).join('');
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${ents}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

/** A one-page PDF whose content stream is 200 MB of text operators, deflated. */
function pdfBomb(): Uint8Array {
  const line = strToU8('BT /F1 12 Tf 72 720 Td (hola hola hola hola) Tj ET\n');
  const raw = new Uint8Array(64 * 1024 * 1024);
  for (let i = 0; i + line.length <= raw.length; i += line.length) raw.set(line, i);
  const stream = zlibSync(raw, { level: 9 });
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Uint8Array[] = [strToU8('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objs.forEach((o, i) => {
    offsets.push(at);
    const chunk =
      o === null
        ? concat(strToU8(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, strToU8('\nendstream\nendobj\n'))
        : strToU8(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(strToU8(xref));
  return concat(...parts);
}
