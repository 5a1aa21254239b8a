import { test } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { importSource } from './import';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"';
function docx(body: string, extra: Record<string, string> = {}, rels = '') {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="html" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}
const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const cases: Record<string, Uint8Array> = {
  textbox: docx(p('Antes del cuadro.') + `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p('Texto dentro del cuadro.')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p('Texto dentro del cuadro.')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` + p('Después del cuadro.')),
  sdt: docx(p('Antes.') + `<w:sdt><w:sdtPr/><w:sdtContent>${p('Dentro del control.')}</w:sdtContent></w:sdt>` + `<w:p><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Control en línea.</w:t></w:r></w:sdtContent></w:sdt></w:p>`),
  customXml: docx(p('Antes.') + `<w:customXml w:element="x">${p('Dentro de customXml.')}</w:customXml>` + `<w:p><w:smartTag w:element="place"><w:r><w:t>Santiago</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> de Chile.</w:t></w:r></w:p>`),
  altChunk: docx(p('Antes.') + `<w:altChunk r:id="rId9"/>` + p('Después.'), { 'word/chunk.html': '<html><body><p>Texto en altChunk.</p></body></html>' }, '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/>'),
  symbols: docx(`<w:p><w:r><w:t>bien</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>estar</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t>es</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>tab</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>`),
  fldSimple: docx(`<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> texto</w:t></w:r></w:p>`),
};
test('docx', async () => {
  for (const [k, bytes] of Object.entries(cases)) {
    const r = await importSource({ name: k + '.docx', bytes });
    console.log(k.padEnd(10), r.ok ? JSON.stringify(r.sources[0].text) + ' ' + JSON.stringify(r.warnings.map((w) => w.message)) : 'ERR ' + r.error.message);
  }
});
