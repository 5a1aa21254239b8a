import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { openDocumentPackage, wordPackage, wordParagraph } from './packages';

const chunkLink = (id: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/>`;

async function textOf(name: string, bytes: Uint8Array) {
  const result = await importSource({ name, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return { text: result.sources[0].text, warnings: result.warnings.map((w) => w.code) };
}

describe('Word documents with embedded documents (altChunk), as HTML-to-Word converters write them', () => {
  it('reads an embedded HTML page in place, with its accents, entities, line breaks and table', async () => {
    const html =
      '<html><head><title>x</title><style>p{color:red}</style></head><body><h2>Entrevista a la directora</h2><p>E: &iquest;C&oacute;mo empez&oacute;?<br>D: Con una visita &amp; una llamada.</p><table><tr><td>Comuna</td><td>Peñalolén</td></tr></table></body></html>';
    const bytes = wordPackage(
      wordParagraph('Antes del documento incrustado.') + '<w:altChunk r:id="rId9"/>' + wordParagraph('Después.'),
      { 'word/entrevista.html': html },
      chunkLink('rId9', 'entrevista.html'),
    );
    const { text, warnings } = await textOf('directora.docx', bytes);
    expect(text).toBe('Antes del documento incrustado.\nEntrevista a la directora\nE: ¿Cómo empezó?\nD: Con una visita & una llamada.\nComuna | Peñalolén\nDespués.');
    expect(warnings).toEqual([]);
  });

  it('reads a document that is nothing but an embedded web archive (quoted-printable, Windows-1252)', async () => {
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=mhtDocumentPart"',
      '',
      '------=mhtDocumentPart',
      'Content-Type: text/html; charset="windows-1252"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><body><p>Entrevistadora: =BFQu=E9 cambi=F3 despu=E9s de la capacitaci=F3n?</p><p>Participante: Ahora escucho m=E1s a la fam=',
      'ilia.</p></body></html>',
      '------=mhtDocumentPart--',
    ].join('\r\n');
    const bytes = wordPackage('<w:altChunk r:id="htmlChunk"/>', { 'word/afchunk.mht': mht }, chunkLink('htmlChunk', '/word/afchunk.mht'));
    const { text } = await textOf('capacitacion.docx', bytes);
    expect(text).toBe('Entrevistadora: ¿Qué cambió después de la capacitación?\nParticipante: Ahora escucho más a la familia.');
  });

  it('reads an embedded Word document, and says so when an embedded part cannot be read', async () => {
    const nested = wordPackage(wordParagraph('Texto del documento anidado.'));
    const bytes = wordPackage(
      '<w:altChunk r:id="rId1"/>' + wordParagraph('Entre los dos.') + '<w:altChunk r:id="rId2"/>',
      { 'word/anidado.docx': nested, 'word/datos.bin': new Uint8Array([1, 2, 3]) },
      chunkLink('rId1', 'anidado.docx') + chunkLink('rId2', 'datos.bin'),
    );
    const { text, warnings } = await textOf('informe.docx', bytes);
    expect(text).toBe('Texto del documento anidado.\nEntre los dos.');
    expect(warnings).toEqual(['embedded-left-out']);
  });

  it('does not follow a package that embeds itself forever', async () => {
    let bytes = wordPackage(wordParagraph('El fondo.'));
    for (let i = 0; i < 6; i++) bytes = wordPackage(wordParagraph(`Nivel ${i}.`) + '<w:altChunk r:id="rId1"/>', { 'word/dentro.docx': bytes }, chunkLink('rId1', 'dentro.docx'));
    const { text, warnings } = await textOf('matrioska.docx', bytes);
    expect(text.split('\n').slice(0, 4)).toEqual(['Nivel 5.', 'Nivel 4.', 'Nivel 3.', 'Nivel 2.']);
    expect(warnings).toEqual(['embedded-left-out']);
  });
});

describe('fields in Word documents', () => {
  it('keeps the words a simple field shows (a hyperlink, a merged name), which mammoth would drop', async () => {
    const body = `<w:p><w:r><w:t xml:space="preserve">Ver </w:t></w:r><w:fldSimple w:instr=" HYPERLINK &quot;https://vida.cl&quot; "><w:r><w:t>el protocolo</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> con </w:t></w:r><w:fldSimple w:instr=" MERGEFIELD Nombre "><w:r><w:t>Rosa</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r><w:fldSimple w:instr=" PAGE "/></w:p>`;
    expect((await textOf('carta.docx', wordPackage(body))).text).toBe('Ver el protocolo con Rosa.');
  });
});

describe('breaks inside a Word paragraph', () => {
  it('parts the words at a page break, a column break or a carriage return instead of running them together', async () => {
    const body = `<w:p><w:r><w:t>Primera parte.</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>Segunda parte.</w:t></w:r><w:r><w:br w:type="column"/></w:r><w:r><w:t>Tercera.</w:t></w:r><w:r><w:cr/></w:r><w:r><w:t>Cuarta.</w:t></w:r></w:p>`;
    expect((await textOf('partes.docx', wordPackage(body))).text).toBe('Primera parte.\nSegunda parte.\nTercera.\nCuarta.');
  });
});

describe('text a reader sees in boxes, and text the document hides', () => {
  it('keeps a Word text box as a paragraph of its own, once (not also from its fallback drawing)', async () => {
    const box = (t: string) => `<w:txbxContent>${wordParagraph(t)}</w:txbxContent>`;
    const anchored = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('Recuadro: datos del caso.')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('Recuadro: datos del caso.')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const { text } = await textOf('informe.docx', wordPackage(wordParagraph('Antes.') + anchored + wordParagraph('Después.')));
    expect(text).toBe('Antes.\nRecuadro: datos del caso.\nDespués.');
  });

  it('keeps an OpenDocument text box apart from the paragraph it is anchored in', async () => {
    const body = '<text:p>Antes del recuadro.<draw:frame><draw:text-box><text:p>Recuadro: datos del caso.</text:p></draw:text-box></draw:frame>Y sigue.</text:p>';
    const { text } = await textOf('informe.odt', openDocumentPackage(body));
    expect(text).toBe('Antes del recuadro.\nRecuadro: datos del caso.\nY sigue.');
  });

  it('leaves out OpenDocument text hidden by its condition', async () => {
    const body = '<text:p>Visible<text:hidden-text text:condition="ooow:1" text:string-value=" oculto" text:is-hidden="true"> oculto</text:hidden-text>.</text:p>';
    expect((await textOf('informe.odt', openDocumentPackage(body))).text).toBe('Visible.');
  });

  it('drops Word’s optional hyphens, so a word reads and counts whole', async () => {
    const bytes = wordPackage('<w:p><w:r><w:t>inter</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t>vención domiciliaria</w:t></w:r></w:p>');
    const result = await importSource({ name: 'nota.docx', bytes });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources[0].text).toBe('intervención domiciliaria');
    expect(result.sources[0].words).toBe(2);
  });
});
