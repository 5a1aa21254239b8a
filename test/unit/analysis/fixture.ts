import type { Attribute, Case, Code, ProjectData, Segment, Source, SourceContent } from '../../../src/model/types';

/**
 * A small ViDA-like project, small enough to count by hand:
 *   cases  P1, P2 (professionals, trained "with"), D1 (director, "without"), P3 (professional, "without")
 *   sources s1 (P1, phone), s2 (P2, report), s3 (D1, in-depth), s4 (P3, phone)
 *   codes  REL (theme) › TRUST, CLOSE;  CHAL (theme, no subcodes)
 *   segments
 *     s1: TRUST 0–10, CLOSE 5–15, CHAL 40–50
 *     s2: TRUST 0–8, TRUST 20–30
 *     s3: CLOSE 0–12, CHAL 30–40
 *     s4: (none)
 */
const text = 'abcdefghij'.repeat(6);
const paragraphs = [
  { start: 0, end: 20 },
  { start: 21, end: 60 },
];
const attr = (id: string, name: string, values: string[], order: number): Attribute => ({ id, projectId: 'p', name, type: 'category', values, order });
export const role = attr('role', 'Role', ['Professional', 'Director'], 0);
export const training = attr('training', 'Training', ['without', 'with'], 1);
const kase = (id: string, r: string, t: string): Case => ({ id, projectId: 'p', name: id, description: '', values: { role: r, training: t } });
const source = (id: string, caseId: string, kind: string): Source => ({ id, projectId: 'p', name: id, kind, caseIds: [caseId] }) as Source;
const code = (id: string, name: string, parentId: string | null, order: number): Code => ({
  id,
  projectId: 'p',
  parentId,
  name,
  color: '#000',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order,
});
let n = 0;
const seg = (sourceId: string, codeId: string, start: number, end: number): Segment => ({
  id: `g${++n}`,
  projectId: 'p',
  sourceId,
  codeId,
  start,
  end,
  coderId: 'c',
  createdAt: '',
});

export const data: ProjectData = {
  project: {
    id: 'p',
    name: 'P',
    createdAt: '',
    openedAt: '',
    sourceKinds: ['phone interview', 'in-depth interview', 'report'],
    citationPattern: '({case}, {paragraph})',
    dataVersion: 1,
  },
  cases: [kase('P1', 'Professional', 'with'), kase('P2', 'Professional', 'with'), kase('D1', 'Director', 'without'), kase('P3', 'Professional', 'without')],
  attributes: [role, training],
  sources: [source('s1', 'P1', 'phone interview'), source('s2', 'P2', 'report'), source('s3', 'D1', 'in-depth interview'), source('s4', 'P3', 'phone interview')],
  contents: ['s1', 's2', 's3', 's4'].map((id): SourceContent => ({ sourceId: id, projectId: 'p', text, paragraphs, turns: [], annotations: [] })),
  codes: [code('REL', 'Relationship', null, 0), code('TRUST', 'Trust', 'REL', 0), code('CLOSE', 'Closeness', 'REL', 1), code('CHAL', 'Challenges', null, 1)],
  segments: [
    seg('s1', 'TRUST', 0, 10),
    seg('s1', 'CLOSE', 5, 15),
    seg('s1', 'CHAL', 40, 50),
    seg('s2', 'TRUST', 0, 8),
    seg('s2', 'TRUST', 20, 30),
    seg('s3', 'CLOSE', 0, 12),
    seg('s3', 'CHAL', 30, 40),
  ],
  memos: [],
  coders: [],
  analyses: [],
};
