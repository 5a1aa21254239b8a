import { normalizeText, paragraphsOf } from '../../src/import/normalize';
import type { Case, Code, ProjectData, Segment, Source, SourceContent } from '../../src/model/types';
/** A seeded generator of realistic transcripts, so every run measures the same text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'la visita domiciliaria fue muy importante para la familia porque la profesional escuchó con atención ' +
  'y la gestante sintió confianza cercanía vínculo relación acompañamiento capacitación intervención ' +
  'mamá niño niña abuela señora corazón ñandú acción decisión también además después según están ' +
  'o programa ajudou a família com a visita e a confiança aumentou não só a mãe mas também ' +
  'the caregiver said that the social worker was there when she needed help with the court report'
).split(' ');

/** About `words` words of alternating interviewer and participant turns. */
export function transcript(random: () => number, words: number, participant: string): string {
  const lines: string[] = [];
  let count = 0;
  let turn = 0;
  while (count < words) {
    const n = 15 + Math.floor(random() * 60);
    const said: string[] = [];
    for (let i = 0; i < n; i++) said.push(WORDS[Math.floor(random() * WORDS.length)]);
    said[0] = said[0][0].toUpperCase() + said[0].slice(1);
    lines.push(`${turn % 2 === 0 ? 'Entrevistadora' : participant}: ${said.join(' ')}.`);
    count += n + 1;
    turn++;
  }
  return lines.join('\r\n');
}

export const guid = (kind: number, n: number) => `00000000-0000-4000-${(8000 + kind).toString()}-${String(n).padStart(12, '0')}`;

/** A project of transcripts of about 3,000 words, codes in a tree (30 themes), segments spread over coders. */
export function benchProject(size: { sources: number; codes: number; segments: number; coders: number; seed?: number }): ProjectData {
  const { sources: SOURCES, codes: CODES, segments: SEGMENTS } = size;
  const random = seededRandom(size.seed ?? 7);
  const contents: SourceContent[] = [];
  const sources: Source[] = [];
  const cases: Case[] = [];
  for (let i = 0; i < SOURCES; i++) {
    const text = normalizeText(transcript(random, 3000, `P${i}`));
    cases.push({ id: guid(1, i), projectId: 'p', name: `P${i}`, description: '', values: {} });
    sources.push({
      id: guid(2, i),
      projectId: 'p',
      name: `Entrevista P${i}`,
      kind: 'in-depth interview',
      originalFileName: `P${i}.txt`,
      format: 'txt',
      sha256: '',
      language: 'es',
      words: 3000,
      caseIds: [guid(1, i)],
      importedAt: '2024-01-01T00:00:00.000Z',
      warnings: [],
    });
    contents.push({ sourceId: guid(2, i), projectId: 'p', text, paragraphs: paragraphsOf(text), turns: [], annotations: [] });
  }
  const codes: Code[] = Array.from({ length: CODES }, (_, i) => ({
    id: guid(3, i),
    projectId: 'p',
    parentId: i < 30 ? null : guid(3, i % 30),
    name: `Código ${i}`,
    color: '#4e79a7',
    description: i % 10 === 0 ? 'Cuando la persona habla de la relación con la profesional.' : '',
    inclusion: '',
    exclusion: '',
    example: '',
    order: i,
  }));
  const segments: Segment[] = Array.from({ length: SEGMENTS }, (_, i) => {
    const content = contents[Math.floor(random() * SOURCES)];
    const start = Math.floor(random() * (content.text.length - 400));
    return {
      id: guid(4, i),
      projectId: 'p',
      sourceId: content.sourceId,
      codeId: guid(3, Math.floor(random() * CODES)),
      start,
      end: start + 20 + Math.floor(random() * 300),
      coderId: guid(5, i % size.coders),
      createdAt: '2024-01-02T00:00:00.000Z',
    };
  });
  return {
    project: {
      id: 'p',
      name: 'Bench',
      createdAt: '2024-01-01T00:00:00.000Z',
      openedAt: '',
      sourceKinds: ['in-depth interview'],
      citationPattern: '({case}, {paragraph})',
      dataVersion: 3,
    },
    sources,
    contents,
    cases,
    attributes: [],
    codes,
    segments,
    memos: [],
    coders: Array.from({ length: size.coders }, (_, i) => ({ id: guid(5, i), projectId: 'p', name: `Coder ${i}`, color: '#000000' })),
    analyses: [],
  };
}
