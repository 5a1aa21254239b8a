import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { decodeText } from '../../../src/import/encoding';
import { shared, itWithShared, utf8 } from '../helpers';

const spanish = 'Entrevistadora: ¿Cómo está la señora? Niño, corazón, ñandú, acción.';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff], (o += 2) - 2);
  for (let i = 0; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    out[o] = littleEndian ? c & 0xff : c >> 8;
    out[o + 1] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

/** Windows-1252 bytes for Latin-1 text plus the 0x80–0x9F punctuation Word uses. */
function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return new Uint8Array([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

describe('reading plain-text transcripts in the encodings researchers have', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8(spanish))).toEqual({ text: spanish, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(spanish)]))).toEqual({ text: spanish, encoding: 'utf-8 (BOM)' });
  });

  it('reads UTF-16 little- and big-endian, with a BOM and without one', () => {
    expect(decodeText(utf16(spanish, true, true))).toEqual({ text: spanish, encoding: 'utf-16le' });
    expect(decodeText(utf16(spanish, false, true))).toEqual({ text: spanish, encoding: 'utf-16be' });
    expect(decodeText(utf16(spanish, true, false)).text).toBe(spanish);
    expect(decodeText(utf16(spanish, false, false)).text).toBe(spanish);
  });

  it('imports a Windows-1252 Spanish transcript and keeps its accents and curly quotes', async () => {
    const text = 'E: ¿Qué opina del programa?\r\nP: Me ayudó “mucho”… de verdad – gracias.\r\nE: ¿Algo más?\r\nP: No, señorita.';
    const result = await importSource({ name: 'P3_telefonica.txt', bytes: cp1252(text) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [source] = result.sources;
    expect(source.encoding).toBe('windows-1252');
    expect(source.text).toBe(text.replace(/\r\n/g, '\n'));
    expect(source.language).toBe('es');
  });

  it('imports a UTF-8 transcript into which a Windows-1252 paragraph was pasted, every accent kept, and says so', async () => {
    const bytes = new Uint8Array([
      ...utf8('E: ¿Qué cambió después de la capacitación? Cuénteme con calma.\nP: Más cercanía, más confianza y acompañamiento.\n'),
      ...cp1252('E: ¿Y la señora Muñoz?\n'),
      ...utf8('P: Ella también… sintió que la escuchábamos.'),
    ]);
    const result = await importSource({ name: 'P4_telefonica.txt', bytes });
    if (!result.ok) throw new Error(result.error.message);
    const [source] = result.sources;
    expect(source.text).toBe(
      'E: ¿Qué cambió después de la capacitación? Cuénteme con calma.\nP: Más cercanía, más confianza y acompañamiento.\nE: ¿Y la señora Muñoz?\nP: Ella también… sintió que la escuchábamos.',
    );
    expect(source.encoding).toBe('utf-8 + windows-1252');
    expect(source.warnings.map((w) => w.code)).toEqual(['mixed-encoding']);
  });

  it('reads a Windows-1252 text as Windows-1252 though a pair of its bytes would be a UTF-8 character ("Ñ…")', () => {
    const { text, encoding } = decodeText(cp1252('AÑ… dijo la señora: ¿qué más? Ñandú, acción, corazón.'));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('AÑ… dijo la señora: ¿qué más? Ñandú, acción, corazón.');
  });

  itWithShared('reads a real ISO-8859-1 Portuguese text (ã, ç, õ) that is not valid UTF-8', () => {
    const { text, encoding } = decodeText(shared('corpus/docs/chardet_latin1_portuguese.txt'));
    expect(encoding).toBe('iso-8859-1');
    expect(text).toContain('observação');
    expect(text).toContain('não');
    expect(text).not.toContain('\ufffd');
  });

  itWithShared('reads a real Windows-1252 Dutch text whose 0x85 bytes are ellipses, not line breaks', () => {
    const { text, encoding } = decodeText(shared('corpus/docs/chardet_cp1252_dutch.txt'));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('…');
    expect(text).not.toContain('\u0085');
  });

  it('normalises decomposed accents to NFC and CRLF to \\n', async () => {
    const decomposed = 'Entrevista\r\nCapacitacio\u0301n y relacio\u0301n\r\n';
    const result = await importSource({ name: 'nfc.txt', bytes: utf8(decomposed) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources[0].text).toBe('Entrevista\nCapacitación y relación');
    expect(result.sources[0].paragraphs).toEqual([
      { start: 0, end: 10 },
      { start: 11, end: 34 },
    ]);
  });

  it('reads a transcript Word saved as text: manual line breaks (vertical tabs) and page breaks are line breaks, a DOS end-of-file mark goes', async () => {
    const saved = 'Entrevista a la Cuidadora 3\vSesión 2\fE: ¿Cómo está?\r\nC3: Mejor, gracias.\r\n\x1a';
    const result = await importSource({ name: 'Cuidadora3.txt', bytes: utf8(saved) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources[0].text).toBe('Entrevista a la Cuidadora 3\nSesión 2\nE: ¿Cómo está?\nC3: Mejor, gracias.');
    expect(result.sources[0].paragraphs).toHaveLength(4);
  });
});

describe('a Markdown transcript from a note-taking app', () => {
  it('leaves out its front matter and comments, and reads a table row as "cell | cell"', async () => {
    const md = [
      '---',
      'title: Entrevista TMF',
      'date: 2023-06-01',
      '---',
      '# Entrevista telefónica TMF',
      '<!-- revisar audio minuto 12 -->',
      '**E:** ¿Cómo fue la visita?',
      '**TMF:** Muy _cercana_.',
      '',
      '| Mes | Visitas |',
      '|-----|:-------:|',
      '| Junio | 4 |',
    ].join('\n');
    const result = await importSource({ name: 'TMF_telefonica.md', bytes: utf8(md) });
    if (!result.ok) throw new Error(result.error.message);
    const { text, paragraphs } = result.sources[0];
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['Entrevista telefónica TMF', 'E: ¿Cómo fue la visita?', 'TMF: Muy cercana.', 'Mes | Visitas', 'Junio | 4']);
  });
});
