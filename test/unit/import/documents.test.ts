import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importSource, MAX_TEXT_CHARS, type ImportedSource } from '../../../src/import';
import { JAVASCRIPT_FAULT } from '../../fuzz/verdict';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
import { fixture, shared, itWithShared } from '../helpers';

async function importOk(name: string, bytes: Uint8Array): Promise<ImportedSource> {
  const result = await importSource({ name, bytes });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  expect(result.sources).toHaveLength(1);
  return result.sources[0];
}

const paragraphsOf = (s: ImportedSource) => s.paragraphs.map((p) => s.text.slice(p.start, p.end));

// The same interview, written by LibreOffice as .docx, .odt, .rtf and .pdf (fixtures/formats).
const EXPECTED_BODY = [
  'Entrevista en profundidad – Directora DRC',
  'Fecha: 5 de julio de 2023. Centro de salud familiar «Las Acacias», comuna de Peñalolén.',
  'Entrevistadora: ¿Qué cambió en el equipo después de la capacitación?',
  'DRC: Cambió la mirada. Antes la visita era un trámite; hoy los profesionales hablan de vínculo, de confianza, de acompañar sin invadir.',
  'Entrevistadora: ¿Cómo se nota eso en la adherencia de las familias?',
  'DRC: Las familias vuelven. Una señora me dijo: “la niña que viene a verme es como de la familia”. Eso no lo logra un folleto.',
];
const TABLE_ROWS = ['Mes | Visitas realizadas | Familias que continúan', 'Junio | 42 | 38'];
const CLOSING = ['Entrevistadora: ¿Y los desafíos?', 'DRC: El registro y la planificación. Lo relacional no aparece en la ficha, y sin objetivos claros la visita se diluye.'];
const FOOTNOTE = 'Nombre del centro cambiado para resguardar la confidencialidad.';
const COMMENT = 'Cita clave para la matriz: componente relacional.';

describe('importing a Word interview with a heading, a table, a footnote and a comment', () => {
  it('keeps every paragraph in order, flattens the table row by row and appends the footnote', async () => {
    const source = await importOk('entrevista_DRC.docx', fixture('formats/entrevista_DRC.docx'));
    const paragraphs = paragraphsOf(source);
    expect(paragraphs.slice(0, 6)).toEqual([EXPECTED_BODY[0], EXPECTED_BODY[1] + '[1]', ...EXPECTED_BODY.slice(2)]);
    expect(paragraphs.slice(6, 8)).toEqual(TABLE_ROWS);
    expect(paragraphs.slice(8, 10)).toEqual(CLOSING);
    expect(paragraphs[10]).toBe(`[1] ${FOOTNOTE}`);
    expect(source.annotations).toContainEqual({ kind: 'comment', label: '1', text: COMMENT });
    expect(source.warnings.map((w) => w.code)).toEqual(['footnotes-appended', 'comments-aside']);
    expect(source.warnings[0]).toMatchObject({ params: { count: 1 }, message: '1 footnote(s) appended at the end of the text' });
  });

  it('finds the interviewer and the director as speakers', async () => {
    const source = await importOk('entrevista_DRC.docx', fixture('formats/entrevista_DRC.docx'));
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'DRC', 'Entrevistadora', 'DRC', 'Entrevistadora', 'DRC']);
    expect(source.suggestedCase).toBe('DRC');
  });
});

describe('importing the same interview from OpenDocument, RTF and PDF', () => {
  it('reads the .odt: paragraphs, table rows, footnote at the end, comment kept aside', async () => {
    const source = await importOk('entrevista_DRC.odt', fixture('formats/entrevista_DRC.odt'));
    expect(paragraphsOf(source)).toEqual([...EXPECTED_BODY, ...TABLE_ROWS, ...CLOSING, `[1] ${FOOTNOTE}`]);
    expect(source.annotations.filter((a) => a.kind === 'comment').map((a) => a.text)).toEqual([COMMENT]);
  });

  it('reads an RTF written on an old Mac in its own character set', async () => {
    const rtf = "{\\rtf1\\mac\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0 E: \\'c0C\\'97mo est\\'87?\\par P: Caf\\'8e con le\\'96a, se\\'96ora.\\par}";
    const source = await importOk('mac.rtf', new Uint8Array([...rtf].map((c) => c.charCodeAt(0))));
    expect(paragraphsOf(source)).toEqual(['E: ¿Cómo está?', 'P: Café con leña, señora.']);
  });

  it('reads the .rtf, decoding its code page and Unicode escapes', async () => {
    const source = await importOk('entrevista_DRC.rtf', fixture('formats/entrevista_DRC.rtf'));
    expect(paragraphsOf(source)).toEqual([...EXPECTED_BODY, ...TABLE_ROWS, ...CLOSING, `[1] ${FOOTNOTE}`]);
    expect(source.annotations.map((a) => a.text)).toEqual([COMMENT]);
  });

  it('reads the .pdf text layer and rebuilds its paragraphs, the footnote from the foot of the page appended as in Word', async () => {
    const source = await importOk('entrevista_DRC.pdf', fixture('formats/entrevista_DRC.pdf'));
    const paragraphs = paragraphsOf(source);
    expect(paragraphs.slice(0, 6)).toEqual([EXPECTED_BODY[0], EXPECTED_BODY[1] + '[1]', ...EXPECTED_BODY.slice(2)]);
    expect(paragraphs.slice(-3)).toEqual([...CLOSING, `[1] ${FOOTNOTE}`]);
    expect(source.warnings.map((w) => w.code)).toEqual(['footnotes-appended']);
    expect(source.turns).toHaveLength(6);
  });
});

describe('importing Word and OpenDocument files written by other tools', () => {
  itWithShared('takes the accepted text of a tracked insertion', async () => {
    const source = await importOk('track.docx', shared('corpus/docs/pandoc_track_changes_insertion.docx'));
    expect(source.text).toBe('This is a text with two exciting insertions.');
  });

  itWithShared('keeps headings as paragraphs, in order', async () => {
    const source = await importOk('headers.docx', shared('corpus/docs/pandoc_headers.docx'));
    expect(paragraphsOf(source).slice(0, 4)).toEqual(['A Test of Headers', 'Second Level', 'Some plain text.', 'Third level']);
  });

  itWithShared('flattens tables row by row, multi-paragraph cells included', async () => {
    const source = await importOk('tables.docx', shared('corpus/docs/pandoc_tables.docx'));
    const paragraphs = paragraphsOf(source);
    expect(paragraphs).toContain('Name | Game | Fame | Blame');
    expect(paragraphs).toContain('Lebron James | Basketball | Very High | Leaving Cleveland');
    expect(paragraphs).toContain('Simple Multiparagraph | Table Full');
  });

  itWithShared('keeps all five Word comments, the one nested in a comment too, out of the text', async () => {
    const source = await importOk('comments.docx', shared('corpus/docs/pandoc_comments.docx'));
    expect(source.text).not.toMatch(/jkr/);
    expect(source.annotations.map((a) => a.text)).toEqual([
      'I left a comment.',
      'A comment across paragraphs.',
      'This one has multiple paragraphs. See?',
      'Do something.',
      'Do something else.',
    ]);
  });

  itWithShared('keeps Greek, smart quotes, ellipsis and dashes exactly', async () => {
    const source = await importOk('greek.docx', shared('corpus/docs/qualcoder_test_file_greek_smartquotes.docx'));
    expect(source.text).toContain('Αυτή είναι μια δοκιμή.');
    expect(source.text).toContain('‘single smart quotes’, “double smart quotes”');
    expect(source.text).toContain('…');
    expect(source.text).toContain('‐, –, —');
  });

  itWithShared('reads an interview answer in .docx and in .odt', async () => {
    const docx = await importOk('ID1.docx', shared('corpus/docs/qualcoder_ID1.docx'));
    expect(docx.text).toContain('€200');
    expect(docx.paragraphs).toHaveLength(3);
    const odt = await importOk('ID2.odt', shared('corpus/docs/qualcoder_ID2.odt'));
    expect(odt.text).toMatch(/^I have not studied much before/);
  });
});

describe('speaker turns in a plain transcript', () => {
  itWithShared('reads [id1]-style labels from a focus-group transcript', async () => {
    const source = await importOk('transcript.txt', shared('corpus/docs/qualcoder_transcript_speaker_labels.txt'));
    expect(source.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
  });
});

// A two-page interview LibreOffice wrote as .docx, .odt, .rtf and .pdf (fixtures/formats/
// entrevista_DRD.*): page header and footer, a tracked deletion and insertion, a bulleted
// list and a manual line break.
describe('a two-page interview with headers, tracked changes, a list and a line break, in four formats', () => {
  const formats = ['docx', 'odt', 'rtf', 'pdf'] as const;

  it.each(formats)('reads the .%s alike: one line per paragraph or line break, bullets and page furniture left out', async (ext) => {
    const source = await importOk(`entrevista_DRD.${ext}`, fixture(`formats/entrevista_DRD.${ext}`));
    const lines = paragraphsOf(source);
    expect(lines).toHaveLength(35);
    expect(lines[0]).toMatch(/^Entrevistadora: Respuesta número 1\. /);
    expect(lines.slice(7, 11)).toEqual(['Primero: escuchar.', 'Segundo: acordar.', 'Entrevistadora: Una línea', 'y otra línea en el mismo párrafo.']);
    expect(lines.at(-1)).toMatch(/^DRD: Respuesta número 30\. /);
    expect(source.text).not.toMatch(/Estudio ViDA|Página \d/);
    expect(source.turns).toHaveLength(32);
  });

  it.each(['docx', 'odt', 'rtf'] as const)('takes the accepted text of the tracked changes in the .%s', async (ext) => {
    const source = await importOk(`entrevista_DRD.${ext}`, fixture(`formats/entrevista_DRD.${ext}`));
    expect(paragraphsOf(source)[6]).toBe('DRD: La visita fue útil y muy cercana.');
  });

  it('says which page headers and footers it left out of the PDF', async () => {
    const source = await importOk('entrevista_DRD.pdf', fixture('formats/entrevista_DRD.pdf'));
    expect(source.warnings.map((w) => w.message)).toEqual(['page headers and footers left out: “Estudio ViDA – Entrevista DRD (confidencial)”, “Página 1”']);
    // The PDF shows the deletion as it was printed, struck through: its words are there.
    expect(paragraphsOf(source)[6]).toBe('DRD: La visita fue no útil y muy cercana.');
  });
});

describe('Word 97–2003 documents (.doc), written by LibreOffice from the same interviews', () => {
  it.each(['entrevista_DRC', 'entrevista_DRD'])('reads %s.doc as its .docx: paragraphs, table rows, notes, comments, accepted tracked changes', async (name) => {
    const doc = await importOk(`${name}.doc`, fixture(`formats/${name}.doc`));
    const docx = await importOk(`${name}.docx`, fixture(`formats/${name}.docx`));
    expect(doc.text).toBe(docx.text);
    expect(doc.annotations).toEqual(docx.annotations);
    expect(doc.turns.map((t) => t.speaker)).toEqual(docx.turns.map((t) => t.speaker));
    expect(doc.warnings.map((w) => w.code)).toEqual(docx.warnings.map((w) => w.code));
  });

  it.each([
    ['an RTF file', 'entrevista.doc', 'formats/entrevista_DRC.rtf'],
    ['a web page', 'entrevista.doc', 'formats/entrevista_DRC.html'],
    ['a .docx', 'entrevista.doc', 'formats/entrevista_DRC.docx'],
    ['an RTF file', 'entrevista.txt', 'formats/entrevista_DRC.rtf'],
  ])('reads %s saved as %s, as old transcription tools and Word did, by what it is', async (_, name, path) => {
    const source = await importOk(name, fixture(path));
    expect(paragraphsOf(source)[2]).toBe('Entrevistadora: ¿Qué cambió en el equipo después de la capacitación?');
  });

  it('reads a .doc saved under a .docx name as what it is', async () => {
    const source = await importOk('entrevista_DRC.docx', fixture('formats/entrevista_DRC.doc'));
    expect(paragraphsOf(source)[2]).toBe('Entrevistadora: ¿Qué cambió en el equipo después de la capacitación?');
  });

  it('refuses a Word 6/95 document with what to do about it', async () => {
    const bytes = fixture('formats/entrevista_DRC.doc').slice();
    // The document header (0xA5EC, then the format version) says Word 6 instead of Word 97.
    const header = bytes.findIndex((b, i) => b === 0xec && bytes[i + 1] === 0xa5 && i % 512 === 0);
    bytes.set([0x65, 0x00], header + 2);
    const result = await importSource({ name: 'antigua.doc', bytes });
    expect(result).toMatchObject({ ok: false, error: { code: 'legacy-word', message: 'Word 6/95 format: open it in Word and save it as .docx' } });
  });

  it('never hangs or fails without a reason on a damaged .doc', async () => {
    const good = fixture('formats/entrevista_DRC.doc');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { minLength: 1, maxLength: 40 }), fc.nat(good.length), async (flips, cut) => {
        const bytes = good.slice(0, Math.max(512, cut));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        const result = await importSource({ name: 'dañado.doc', bytes });
        if (result.ok) {
          // Damage the reader did not notice still gives text a researcher can read and code.
          for (const source of result.sources) {
            expect(source.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
            expect(source.text).not.toMatch(LONE_SURROGATE);
            expect(source.paragraphs.every((p) => p.start <= p.end && p.end <= source.text.length)).toBe(true);
          }
        } else {
          // A damaged Word 97 file is refused as one: damaged, an older Word, no text, or locked; named, in words about the file.
          expect(['corrupt', 'legacy-word', 'no-text', 'empty', 'encrypted']).toContain(result.error.code);
          expect(result.error.fileName).toBe('dañado.doc');
          expect(result.error.message).toMatch(/\w{3}/);
          expect(result.error.message).not.toMatch(JAVASCRIPT_FAULT);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a document saved as a web page (HTML, written by LibreOffice)', () => {
  it('reads as its .docx: paragraphs, table rows "cell | cell", the footnote mark and the footnote', async () => {
    const html = await importOk('entrevista_DRC.html', fixture('formats/entrevista_DRC.html'));
    const docx = await importOk('entrevista_DRC.docx', fixture('formats/entrevista_DRC.docx'));
    expect(html.text).toBe(docx.text);
    expect(html.turns.map((t) => t.speaker)).toEqual(docx.turns.map((t) => t.speaker));
  });

  it('leaves out scripts, styles and what the page hides, and reads entities and line breaks', async () => {
    const page =
      '<html><head><title>x</title><script>document.write("<p>no</p>")</script></head><body><p>E: &iquest;Qu&eacute; tal?</p><p>P: Bien<br>y usted.</p><p>E: Bien.</p><p>P: Me alegro &amp; gracias.</p></body></html>';
    const source = await importOk('p.htm', new TextEncoder().encode(page));
    expect(paragraphsOf(source)).toEqual(['E: ¿Qué tal?', 'P: Bien', 'y usted.', 'E: Bien.', 'P: Me alegro & gracias.']);
  });
});

describe('footnotes printed at the foot of the page (PDF)', () => {
  it('reads them after the text as Word does, each with its mark, without cutting the answer that runs over the page break', async () => {
    const pdf = await importOk('entrevista_DRE_notas.pdf', fixture('formats/entrevista_DRE_notas.pdf'));
    const word = await importOk('entrevista_DRE_notas.docx', fixture('formats/entrevista_DRE_notas.docx'));
    expect(pdf.text).toBe(word.text);
    expect(pdf.annotations).toEqual(word.annotations);
    expect(paragraphsOf(pdf).slice(-2)).toEqual([
      '[1] La ficha clínica del programa permite un campo de texto libre desde 2022.',
      '[2] La entrevistada pidió que no se nombrara la comuna de esta familia.',
    ]);
    expect(paragraphsOf(pdf)[3]).toMatch(/^DRE: Lo anoté en la ficha con sus palabras\[1\] y lo conversamos .* para ver cómo seguía\.$/);
    expect(pdf.turns).toHaveLength(12);
    expect(pdf.warnings.map((w) => w.code)).toEqual(['footnotes-appended']);
  });
});

describe('a report set in two columns (PDF)', () => {
  it('keeps each paragraph whole, reading the first column and then the second', async () => {
    const source = await importOk('informe_dos_columnas.pdf', fixture('formats/informe_dos_columnas.pdf'));
    const lines = paragraphsOf(source);
    expect(lines[0]).toBe('Informe con enlace al protocolo y nota final.[i]');
    const answers = lines.filter((l) => /^(E|P7): Párrafo/.test(l));
    expect(answers).toHaveLength(24);
    answers.forEach((a, i) => expect(a).toMatch(new RegExp(`^(E|P7): Párrafo ${i + 1} de la entrevista, .* sin perder el orden de lectura\\.$`)));
    expect(source.turns).toHaveLength(24);
  });

  it('reads the endnote from the page after the text, marked i as in the .docx', async () => {
    const pdf = await importOk('informe_dos_columnas.pdf', fixture('formats/informe_dos_columnas.pdf'));
    const docx = await importOk('informe_dos_columnas.docx', fixture('formats/informe_dos_columnas.docx'));
    expect(pdf.text).toBe(docx.text);
    expect(paragraphsOf(pdf).at(-1)).toBe('[i] Versión 2.');
  });
});

describe('a transcript laid out as a table, printed to PDF', () => {
  it('reads each row "time | speaker | words" as the .docx does, the words that run on below included', async () => {
    const pdf = await importOk('transcripcion_tabla.pdf', fixture('formats/transcripcion_tabla.pdf'));
    const docx = await importOk('transcripcion_tabla.docx', fixture('formats/transcripcion_tabla.docx'));
    expect(pdf.text).toBe(docx.text);
    expect(pdf.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'Madre', 'Entrevistadora', 'Madre']);
  });

  it('keeps a table of figures in a PDF report as rows, as the .docx does', async () => {
    const pdf = await importOk('entrevista_DRC.pdf', fixture('formats/entrevista_DRC.pdf'));
    expect(paragraphsOf(pdf).slice(6, 8)).toEqual(TABLE_ROWS);
  });
});

describe('an endnote in a Word report', () => {
  it('marks it in the text as it is numbered where it is appended (i, ii…), and keeps the link text', async () => {
    const source = await importOk('informe_dos_columnas.docx', fixture('formats/informe_dos_columnas.docx'));
    const lines = paragraphsOf(source);
    expect(lines[0]).toBe('Informe con enlace al protocolo y nota final.[i]');
    expect(lines.at(-1)).toBe('[i] Versión 2.');
    expect(lines.filter((l) => /^(E|P7): /.test(l))).toHaveLength(24);
  });
});

describe('a transcript laid out as a table (time | speaker | words)', () => {
  it.each(['docx', 'odt'] as const)('finds the speakers in the .%s, one turn per row', async (ext) => {
    const source = await importOk(`transcripcion_tabla.${ext}`, fixture(`formats/transcripcion_tabla.${ext}`));
    expect(paragraphsOf(source)[1]).toBe('00:00:05 | Entrevistadora | Buenos días, gracias por recibirnos. ¿Cómo ha estado?');
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'Madre', 'Entrevistadora', 'Madre']);
  });
});

describe('a transcript whose speakers stand apart from their words by a tab (a hanging indent)', () => {
  it.each(['docx', 'doc', 'odt', 'rtf', 'pdf'] as const)('finds the speakers in the .%s, and the case the transcript names', async (ext) => {
    const source = await importOk(`entrevista_Madre4_tabulada.${ext}`, fixture(`formats/entrevista_Madre4_tabulada.${ext}`));
    expect(paragraphsOf(source)[2]).toBe('Madre 4\tBien, más tranquila. La visitadora me llamó el martes y conversamos harto rato sobre la guagua.');
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'Madre 4', 'Entrevistadora', 'Madre 4']);
    expect(source.suggestedCase).toBe('Madre 4');
  });
});

describe('a transcript whose speakers’ names are set in bold, with no colon', () => {
  it.each(['docx', 'doc', 'odt', 'rtf'] as const)('finds the speakers in the .%s, their names set apart by a tab', async (ext) => {
    const source = await importOk(`entrevista_Padre2_negritas.${ext}`, fixture(`formats/entrevista_Padre2_negritas.${ext}`));
    expect(paragraphsOf(source)).toEqual([
      'Entrevistadora\tBuenos días, ¿cómo ha estado?',
      'Padre 2\tBien, gracias. Más tranquilo.',
      'Entrevistadora\t¿Qué le sirvió?',
      'Padre 2\tQue me escucharon.',
    ]);
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'Padre 2', 'Entrevistadora', 'Padre 2']);
    expect(source.suggestedCase).toBe('Padre 2');
  });
});

describe('a visit transcript whose people are named by their roles, printed to PDF', () => {
  it('starts a paragraph at each role and finds the turns', async () => {
    const source = await importOk('visita_abuela_roles.pdf', fixture('transcripts/visita_abuela_roles.pdf'));
    expect(source.paragraphs).toHaveLength(4);
    expect(source.turns.map((t) => t.speaker)).toEqual(['Trabajadora social', 'Abuela materna', 'Trabajadora social', 'Abuela materna']);
    expect(paragraphsOf(source)[3]).toMatch(/^Abuela materna: Que usted me escuchara sin apurarme\..*también\.$/);
  });
});
