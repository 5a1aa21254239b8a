import { unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { readQdc } from '../../../src/exchange/qdc';
import { readQdpx, readQde } from '../../../src/exchange/qdpx-read';
import { normalizeText } from '../../../src/import/normalize';
import { itWithShared, shared } from '../helpers';

const sample = (name: string) => shared(`refi/samples/${name}`);

describe('opening projects other tools exported (REFI-QDA .qdpx)', () => {
  itWithShared('opens the NVivo 12 project: 2 sources, 152 codes, 303 codings, each coding exactly the words NVivo coded', async () => {
    const bytes = sample('nvivo12_oltas0517_hungarian.qdpx');
    const { data, report } = await readQdpx(bytes);
    expect(data.sources).toHaveLength(2);
    expect(data.codes).toHaveLength(152);
    expect(data.segments).toHaveLength(303);
    expect(data.coders.map((c) => c.name).sort()).toEqual(['Gergo', 'floriansipos']);
    expect(report.filter((n) => n.code === 'selection-outside-text')).toEqual([]);

    // NVivo counts UTF-16 units of its CRLF text without the BOM: read its files and positions
    // independently, and compare each coded passage with ours.
    const files = unzipSync(bytes);
    const qde = new TextDecoder().decode(files['project.qde']);
    const contents = new Map(data.contents.map((c) => [c.sourceId, c.text]));
    let checked = 0;
    for (const source of qde.matchAll(/<TextSource guid="([^"]+)"[^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)) {
      const [, guid, file, body] = source;
      const stored = new TextDecoder().decode(files[`Sources/${file}`]).replace(/^\ufeff/, '');
      for (const sel of body.matchAll(/<PlainTextSelection guid="([^"]+)"[^>]*startPosition="(\d+)" endPosition="(\d+)"/g)) {
        const segment = data.segments.find((s) => s.id === sel[1]);
        expect(segment, `selection ${sel[1]}`).toBeDefined();
        const theirs = normalizeText(stored.slice(Number(sel[2]), Number(sel[3])));
        const ours = contents.get(guid)!.slice(segment!.start, segment!.end);
        expect(ours.trim()).toBe(theirs.trim());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(290);
    // The codebook keeps its tree and descriptions.
    const attitude = data.codes.find((c) => c.name === '2. Attitűd szint az oltáshoz')!;
    expect(attitude.description).toContain('Erősen szkeptikus (piros)');
    expect(data.codes.filter((c) => c.parentId === attitude.id).map((c) => c.name)).toEqual(['piros', 'sárga', 'zöld']);
  });

  itWithShared('opens the MAXQDA 24 project: its ten texts and its nested codebook with descriptions', async () => {
    const { data } = await readQdpx(sample('maxqda24_icls_themes.qdpx'));
    expect(data.sources).toHaveLength(10);
    expect(data.contents.every((c) => c.text.length > 1000)).toBe(true);
    expect(data.codes.length).toBeGreaterThan(20);
    expect(data.codes.some((c) => c.parentId !== null)).toBe(true);
    expect(data.codes.filter((c) => c.description.length > 50).length).toBeGreaterThan(5);
    expect(data.segments).toEqual([]);
  });

  itWithShared('opens the ATLAS.ti 23 project: its users and nested codebook, with upper-case GUIDs', async () => {
    const { data } = await readQdpx(sample('atlasti23_target-atlas-project.qdpx'));
    expect(data.coders.length).toBeGreaterThan(0);
    expect(data.codes.length).toBeGreaterThan(1);
    expect(data.codes.some((c) => c.parentId !== null)).toBe(true);
    expect(data.codes.every((c) => c.id === c.id.toLowerCase())).toBe(true);
  });

  itWithShared('opens the f4analyse project file, saying which texts are missing and keeping its notes and code memo', async () => {
    const { data, report } = await readQde(sample('f4analyse_2025_project.qde'), { fileOf: () => null });
    expect(data.codes.map((c) => c.name)).toEqual(['Dies ist ein Test-Code']);
    expect(data.codes[0].color).toBe('#044B9B');
    expect(report.filter((n) => n.code === 'missing-text').map((n) => n.params.source)).toEqual(['Interview 15mins', 'Interview 30mins', 'Interview 60mins', 'testfile']);
    // Its notes' texts are not in the file either: the notes come in, attached, and the report says their text is missing.
    expect(report.filter((n) => n.code === 'missing-note-text')).toHaveLength(3);
    expect(report.filter((n) => n.code === 'selections-without-text').map((n) => [n.params.source, n.params.count])).toEqual([['Interview 60mins', 4]]);
    expect(data.memos.some((m) => m.links.codeId === data.codes[0].id)).toBe(true);
  });
});

describe('opening codebooks (REFI-QDA .qdc)', () => {
  itWithShared('reads the ATLAS.ti codebook with its sets noted', () => {
    const { codes, report } = readQdc(sample('atlasti23_codebook_requal.qdc'));
    expect(codes.length).toBeGreaterThan(0);
    expect(report.some((n) => n.code === 'not-imported-parts')).toBe(true);
  });

  itWithShared('refuses the truncated Czech codebook, saying it is not well-formed', () => {
    expect(() => readQdc(sample('atlasti23_codebook_truncated_czech.qdc'))).toThrow(/damaged REFI-QDA codebook file \(it is not well-formed XML/);
  });
});
