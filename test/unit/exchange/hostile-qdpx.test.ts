import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openCodebookFile, openProjectFile } from '../../../src/exchange';
import { translate } from '../../../src/i18n';
import { writeQdpx } from '../../../src/exchange/qdpx-write';
import { data } from '../analysis/fixture';
import { fixture } from '../helpers';

const project = (qde: string, extra: Record<string, Uint8Array> = {}) => zipSync({ 'project.qde': strToU8(qde), ...extra });
const refusalOf = async (name: string, bytes: Uint8Array) => {
  const result = await openProjectFile(name, bytes);
  if (result.ok) throw new Error(`${name} was opened`);
  return result.error;
};

describe('a .qdpx from a stranger is refused, naming the file and the reason, before anything is unpacked or stored', () => {
  it('refuses an entry whose name climbs out of the package (zip slip)', async () => {
    const bytes = zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"/>'), '../../.bashrc': strToU8('rm -rf ~') });
    const error = await refusalOf('regalo.qdpx', bytes);
    expect(error).toMatchObject({ code: 'unsafe-entry', fileName: 'regalo.qdpx', params: { entry: '../../.bashrc' } });
    expect(error.message).toContain('“../../.bashrc”, which points outside the package');
  });

  it('refuses an absolute entry name', async () => {
    const error = await refusalOf('abs.qdpx', zipSync({ '/etc/passwd': strToU8('x'), 'project.qde': strToU8('<Project/>') }));
    expect(error.message).toContain('points outside the package');
  });

  it('refuses a zip bomb by what it would unpack to', async () => {
    // 600 MB of spaces packed into about 600 KB (the bad-input corpus's bomb, as a project).
    const error = await refusalOf('bomba.qdpx', fixture('bad-input/zip-bomb.docx'));
    expect(error.code).toBe('unpacks-too-large');
  });

  it('refuses a package of more files than a project holds', async () => {
    const files: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project/>') };
    for (let i = 0; i < 50_001; i++) files[`n/${i}`] = new Uint8Array(0);
    const error = await refusalOf('muchos.qdpx', zipSync(files, { level: 0 }));
    expect(error.message).toMatch(/it packs 50,002 files; a project packs at most 50,000/);
  });

  it('refuses XML with a document type: no entity is expanded and no outside file is read (billion laughs, XXE)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`;
    for (const qde of [laughs, xxe]) {
      const error = await refusalOf('entidades.qdpx', project(qde));
      expect(error.message).toBe('damaged REFI-QDA project file (it declares a document type (DTD), which a REFI-QDA file never needs)');
    }
  });

  it('refuses what is not a project: not a zip, no project file, a project file that is not a Project, cut short, empty', async () => {
    expect((await refusalOf('texto.qdpx', strToU8('hola'))).message).toBe('not a valid REFI-QDA project file (it is not a zip package)');
    expect((await refusalOf('vacio.qdpx', zipSync({ 'a.txt': strToU8('x') }))).message).toBe('not a valid REFI-QDA project file (it holds no project file (*.qde))');
    expect((await refusalOf('libro.qdpx', project('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'))).message).toContain('starts with <CodeBook>, not <Project>');
    const whole = writeQdpx(data);
    expect((await refusalOf('cortado.qdpx', whole.subarray(0, whole.length >> 1))).code).toBe('corrupt');
    expect((await refusalOf('cero.qdpx', new Uint8Array(0))).code).toBe('empty');
    expect((await refusalOf('roto.qdpx', project('<Project><Sources><TextSource'))).message).toMatch(/^damaged REFI-QDA project file \(it is not well-formed XML/);
  });

  it('refuses a codebook that is not one, by name', () => {
    const result = openCodebookFile('codigos.qdc', strToU8('<Project/>'));
    expect(result).toMatchObject({ ok: false, error: { fileName: 'codigos.qdc', code: 'wrong-root', params: { found: 'Project', expected: 'CodeBook' } } });
  });

  it('says each refusal in Spanish and Portuguese, not only the English reason', async () => {
    const { importErrorText } = await import('../../../renderer/src/labels');
    const many: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project/>') };
    for (let i = 0; i < 50_001; i++) many[`n/${i}`] = new Uint8Array(0);
    const deep = `<Project>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</Project>`;
    const refusals = [
      await refusalOf('texto.qdpx', strToU8('hola')),
      await refusalOf('muchos.qdpx', zipSync(many, { level: 0 })),
      await refusalOf('regalo.qdpx', zipSync({ 'project.qde': strToU8('<Project/>'), '../x': strToU8('x') })),
      await refusalOf('vacio.qdpx', zipSync({ 'a.txt': strToU8('x') })),
      await refusalOf('libro.qdpx', project('<CodeBook/>')),
      await refusalOf('entidades.qdpx', project('<!DOCTYPE p [<!ENTITY x "y">]><Project/>')),
      await refusalOf('hondo.qdpx', project(deep)),
      await refusalOf('roto.qdpx', project('<Project><Sources>')),
      await refusalOf('nada.qdpx', project('   ')),
    ];
    expect(refusals.map((e) => e.code)).toEqual([
      'not-a-package',
      'too-many-files',
      'unsafe-entry',
      'no-project-file',
      'wrong-root',
      'xml-doctype',
      'xml-too-deep',
      'xml-malformed',
      'xml-malformed',
    ]);
    for (const locale of ['es', 'pt'] as const) {
      const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as never, params);
      for (const error of refusals) {
        const text = importErrorText(t, error);
        expect(text, error.code).not.toMatch(/[{}]|not a valid|damaged|it holds|points outside/);
      }
    }
    const es = (key: string, params?: Record<string, string | number>) => translate('es', key as never, params);
    expect(importErrorText(es, refusals[1])).toBe('contiene 50.002 archivos y un proyecto contiene como máximo 50.000 (¿archivo malicioso?)');
    expect(importErrorText(es, refusals[2])).toContain('«../x»');
  });

  it('never stops on damage inside the XML it can parse: selections without positions, codes without names, values of the wrong type', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000010" isCodable="true"/><Code guid="00000000-0000-4000-8000-000000000010" name="Dup" isCodable="true"/></Codes></CodeBook>
      <Variables><Variable guid="00000000-0000-4000-8000-000000000020" name="Edad" typeOfVariable="Integer"/></Variables>
      <Cases><Case guid="00000000-0000-4000-8000-000000000030" name="P1"><VariableValue><VariableRef targetGUID="00000000-0000-4000-8000-000000000020"/><IntegerValue>muchos</IntegerValue></VariableValue></Case></Cases>
      <Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="T"><PlainTextContent>Hola y adiós.</PlainTextContent><PlainTextSelection guid="00000000-0000-4000-8000-000000000002"><Coding guid="00000000-0000-4000-8000-000000000003"><CodeRef targetGUID="00000000-0000-4000-8000-000000000010"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const result = await openProjectFile('raro.qdpx', project(qde));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.codes.map((c) => c.name)).toEqual(['Code', 'Dup']);
    expect(new Set(result.data.codes.map((c) => c.id)).size).toBe(2);
    expect(result.data.segments).toEqual([]);
    expect(result.report.map((n) => n.code).sort()).toEqual(['duplicate-guid', 'selection-outside-text', 'value-not-read']);
  });
});
