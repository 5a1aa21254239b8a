import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdc, writeQdc } from '../../../src/exchange/qdc';
import { readQdpx } from '../../../src/exchange/qdpx-read';
import { writeQdpx } from '../../../src/exchange/qdpx-write';
import { countWords, normalizeText, paragraphsOf } from '../../../src/import/normalize';
import type { ProjectData } from '../../../src/model/types';
import { data as analysisProject, training } from '../analysis/fixture';
import { hasShared, root } from '../helpers';

const GUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A project as the app stores it: GUID ids, a CRLF transcript made ours, emoji, accents, memos of every kind, a saved matrix. */
function studyProject(): ProjectData {
  const text = normalizeText('E: ¿Cómo fue la visita?\r\nARIII: Hubo más confianza 😊 y cercanía.\r\nE: ¿Y el registro?\r\nARIII: Difícil, 𝒳 veces.\r\n');
  const paragraphs = paragraphsOf(text);
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const p = 'p';
  return {
    project: {
      id: p,
      name: 'Visitas domiciliarias',
      createdAt: '2024-03-01T10:00:00.000Z',
      openedAt: '',
      sourceKinds: ['phone interview', 'report', 'field note'],
      citationPattern: '[{case}, ¶{paragraph}]',
      dataVersion: 3,
    },
    sources: [
      {
        id: GUID(1),
        projectId: p,
        name: 'ARIII_telefonica',
        kind: 'phone interview',
        originalFileName: 'ARIII_telefonica.txt',
        format: 'txt',
        sha256: 'abc',
        encoding: 'windows-1252',
        date: '2023-06-14',
        language: 'es',
        words: countWords(text),
        caseIds: [GUID(20)],
        importedAt: '2024-03-01T10:05:00.000Z',
        warnings: [{ code: 'mixed-encoding', params: {}, message: 'mixed' }],
      },
    ],
    contents: [
      {
        sourceId: GUID(1),
        projectId: p,
        text,
        paragraphs,
        turns: paragraphs.map((r, i) => ({ speaker: i % 2 ? 'ARIII' : 'E', start: r.start, end: r.end, startTime: i * 10, endTime: i * 10 + 9 })),
        annotations: [{ kind: 'comment', label: 'MP', text: 'Cita clave' }],
      },
    ],
    cases: [{ id: GUID(20), projectId: p, name: 'ARIII', description: 'Madre, 34 años', values: { [GUID(30)]: 'with', [GUID(31)]: 34, [GUID(32)]: 'mid 2023', [GUID(33)]: true } }],
    attributes: [
      { id: GUID(30), projectId: p, name: 'Training', type: 'category', values: ['without', 'with'], order: 0 },
      { id: GUID(31), projectId: p, name: 'Age', type: 'number', values: [], order: 1 },
      { id: GUID(32), projectId: p, name: 'Visit date', type: 'date', values: [], order: 2 },
      { id: GUID(33), projectId: p, name: 'Consent', type: 'boolean', values: [], order: 3 },
    ],
    codes: [
      {
        id: GUID(40),
        projectId: p,
        parentId: null,
        name: 'Relación',
        color: '#4e79a7',
        description: 'Vínculo con la familia',
        inclusion: 'Habla de confianza',
        exclusion: 'Solo trámites',
        example: '«más confianza»',
        order: 0,
      },
      { id: GUID(41), projectId: p, parentId: GUID(40), name: 'Confianza', color: '#f28e2b', description: '', inclusion: '', exclusion: '', example: '', order: 0 },
      { id: GUID(42), projectId: p, parentId: null, name: 'Desafíos', color: '#e15759', description: '', inclusion: '', exclusion: '', example: '', order: 1 },
    ],
    segments: [
      { id: GUID(50), projectId: p, sourceId: GUID(1), codeId: GUID(41), ...at('más confianza 😊'), coderId: GUID(60), createdAt: '2024-03-02T09:00:00.000Z' },
      { id: GUID(51), projectId: p, sourceId: GUID(1), codeId: GUID(42), ...at('Difícil, 𝒳 veces.'), coderId: GUID(61), createdAt: '2024-03-02T09:01:00.000Z' },
    ],
    memos: [
      {
        id: GUID(70),
        projectId: p,
        title: 'Sobre confianza',
        body: 'Aparece en todas.\nRevisar.',
        type: 'memo',
        date: '2024-03-03',
        links: { codeId: GUID(41) },
        createdAt: '2024-03-03T08:00:00.000Z',
        updatedAt: '2024-03-03T08:30:00.000Z',
      },
      {
        id: GUID(71),
        projectId: p,
        title: 'Visita 1',
        body: 'Llovía.',
        type: 'field-note',
        date: '2023-06-14',
        links: {},
        createdAt: '2024-03-03T08:00:00.000Z',
        updatedAt: '2024-03-03T08:00:00.000Z',
      },
      {
        id: GUID(72),
        projectId: p,
        title: 'Sobre ARIII',
        body: 'Caso clave.',
        type: 'memo',
        date: '2024-03-04',
        links: { caseId: GUID(20) },
        createdAt: '2024-03-04T08:00:00.000Z',
        updatedAt: '2024-03-04T08:00:00.000Z',
      },
      {
        id: GUID(73),
        projectId: p,
        title: 'Sobre el segmento',
        body: 'Ojo.',
        type: 'memo',
        date: '2024-03-04',
        links: { segmentId: GUID(50), sourceId: GUID(1) },
        createdAt: '2024-03-04T08:00:00.000Z',
        updatedAt: '2024-03-04T08:00:00.000Z',
      },
    ],
    coders: [
      { id: GUID(60), projectId: p, name: 'Ana Pérez', color: '#2f6f73' },
      { id: GUID(61), projectId: p, name: 'João Silva', color: '#aa3377' },
    ],
    analyses: [
      {
        id: GUID(80),
        projectId: p,
        name: 'Matriz ViDA',
        type: 'framework',
        definition: { type: 'framework', matrix: { codeIds: [GUID(41)], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' }, show: 'summaries' },
        summaries: { [`${GUID(20)}\u0000${GUID(41)}`]: 'Más confianza.' },
        createdAt: '2024-03-05T08:00:00.000Z',
        updatedAt: '2024-03-05T08:00:00.000Z',
      },
    ],
  };
}

/** What a round trip keeps: everything but the project id, the time it was opened and the data version. */
function comparable(d: ProjectData) {
  const { id: _id, openedAt: _o, dataVersion: _v, ...project } = d.project;
  const strip = <T extends { projectId: string }>(rows: T[]) => rows.map(({ projectId: _p, ...rest }) => rest);
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return {
    project,
    sources: strip(byId(d.sources)),
    contents: d.contents.map(({ projectId: _p, ...c }) => c),
    cases: strip(byId(d.cases)),
    attributes: strip(byId(d.attributes)),
    codes: strip(byId(d.codes)),
    segments: strip(byId(d.segments)),
    memos: strip(byId(d.memos)),
    coders: strip(byId(d.coders)),
    analyses: strip(byId(d.analyses)),
  };
}

const xmllint = ['/usr/bin/xmllint', '/usr/local/bin/xmllint', '/opt/homebrew/bin/xmllint'].find((p) => existsSync(p));
const schemas = join(root, '../shared/refi');
if (!xmllint) console.warn('xmllint (Debian: libxml2-utils) is not installed: the schema checks of exported .qdpx and .qdc are skipped.');

/** Validates XML against a REFI-QDA schema with libxml2's xmllint; returns its complaints. */
function validate(xml: Uint8Array, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qdpx-'));
  try {
    writeFileSync(join(dir, 'file.xml'), xml);
    execFileSync(xmllint!, ['--noout', '--schema', join(schemas, schema), join(dir, 'file.xml')], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a project saved as .qdpx and opened again', () => {
  it('comes back the same: GUIDs, codes and criteria, segments with their coders, cases and values, memos of every kind, kinds, turns, the saved matrix', async () => {
    const project = studyProject();
    const { data, report } = await readQdpx(writeQdpx(project));
    expect(report).toEqual([]);
    expect(comparable(data)).toEqual(comparable(project));
    // The coded words are the same words.
    const text = data.contents[0].text;
    expect(data.segments.map((s) => text.slice(s.start, s.end))).toEqual(['más confianza 😊', 'Difícil, 𝒳 veces.']);
  });

  it('writes the same project file and our part again when saved a second time', async () => {
    const first = unzipSync(writeQdpx(studyProject()));
    const again = unzipSync(writeQdpx((await readQdpx(writeQdpx(studyProject()))).data));
    expect(new TextDecoder().decode(again['project.qde'])).toBe(new TextDecoder().decode(first['project.qde']));
    expect(JSON.parse(new TextDecoder().decode(again['qda-studio.json']))).toEqual(JSON.parse(new TextDecoder().decode(first['qda-studio.json'])));
  });

  it('keeps ids that are not GUIDs (written under GUIDs derived from them) and the matrix that names them', async () => {
    const { data } = await readQdpx(writeQdpx(analysisProject));
    expect(data.codes.map((c) => c.id).sort()).toEqual(['CHAL', 'CLOSE', 'REL', 'TRUST']);
    expect(data.segments.map((s) => [s.sourceId, s.codeId, s.start, s.end])).toEqual(analysisProject.segments.map((s) => [s.sourceId, s.codeId, s.start, s.end]));
    expect(data.cases.find((c) => c.id === 'P1')?.values[training.id]).toBe('with');
  });

  it('comes back the same for generated projects: accents, text outside the Basic Multilingual Plane, CRLF line ends, overlapping segments', async () => {
    const piece = fc.constantFrom('a', 'é', 'ñ', 'ção', ' ', '\r\n', '\n', '😊', '𝒳', 'e\u0301', '\t', 'Ü', '—', '«', '»', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(2)), { maxLength: 8 }),
        async (texts, cuts) => {
          const base = studyProject();
          const contents = texts.map((parts, i) => {
            const text = normalizeText(parts.join('')) || 'x';
            return { sourceId: GUID(100 + i), projectId: 'p', text, paragraphs: paragraphsOf(text), turns: [], annotations: [] };
          });
          const sources = contents.map((c, i) => ({ ...base.sources[0], id: c.sourceId, name: `Fuente ${i}`, words: countWords(c.text) }));
          const segments = cuts.flatMap(([a, b, code], k) => {
            const content = contents[k % contents.length];
            // Boundaries between characters, never inside a surrogate pair.
            const bounds = [...content.text].reduce<number[]>((acc, ch) => [...acc, acc[acc.length - 1] + ch.length], [0]);
            const [s, e] = [bounds[a % bounds.length], bounds[b % bounds.length]].sort((x, y) => x - y);
            return e > s ? [{ ...base.segments[0], id: GUID(200 + k), sourceId: content.sourceId, codeId: base.codes[code].id, start: s, end: e }] : [];
          });
          const project: ProjectData = { ...base, sources, contents, segments, memos: [], analyses: [] };
          const { data, report } = await readQdpx(writeQdpx(project));
          expect(report).toEqual([]);
          expect(comparable(data)).toEqual(comparable(project));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('what other tools read: the standard part', () => {
  it.skipIf(!hasShared || !xmllint)('validates against the REFI-QDA Project schema (xmllint)', () => {
    expect(validate(unzipSync(writeQdpx(studyProject()))['project.qde'], 'Project-mrt2019.xsd')).toBe('');
    expect(validate(unzipSync(writeQdpx(analysisProject))['project.qde'], 'Project-mrt2019.xsd')).toBe('');
  });

  it.skipIf(!hasShared || !xmllint)('writes a codebook (.qdc) valid against the Codebook schema, read back the same', () => {
    const codes = studyProject().codes;
    const bytes = writeQdc(codes);
    expect(validate(bytes, 'Codebook.xsd')).toBe('');
    expect(readQdc(bytes).codes.map(({ projectId: _p, inclusion: _i, exclusion: _e, example: _x, ...c }) => c)).toEqual(
      codes.map(({ projectId: _p, inclusion: _i, exclusion: _e, example: _x, ...c }) => c),
    );
  });

  it('gives every coded selection its words as a name, and a theme that is not coded itself isCodable="false"', () => {
    const qde = new TextDecoder().decode(unzipSync(writeQdpx(studyProject()))['project.qde']);
    expect(qde).toContain('name="más confianza 😊"');
    expect(qde).toMatch(/<Code guid="[^"]+" name="Relación" isCodable="false"/);
    expect(qde).toMatch(/<Code guid="[^"]+" name="Desafíos" isCodable="true"/);
  });
});

describe('long saves and opens say how far they got', () => {
  it('counts the sources as it writes and as it reads', async () => {
    const written: number[][] = [];
    const bytes = writeQdpx(analysisProject, { onProgress: (done, total) => written.push([done, total]) });
    expect(written).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    const read: number[][] = [];
    await readQdpx(bytes, { onProgress: (done, total) => read.push([done, total]) });
    expect(read).toEqual(written);
  });
});
