import { paragraphsOf } from '../../../src/import/normalize';
import type { Attribute, Case, ProjectData, Source, SourceContent, SpeakerTurn } from '../../../src/model/types';

/** Three small sources in the researchers' languages: a Spanish interview with turns, a Portuguese report, an English note. */
const texts: { id: string; name: string; kind: string; language: string; caseIds: string[]; text: string; speakers?: string[] }[] = [
  {
    id: 's-es',
    name: 'Entrevista ARIII',
    kind: 'in-depth interview',
    language: 'es',
    caseIds: ['c-ariii'],
    text: [
      'Entrevistadora: ¿Cómo fue la intervención con la familia?',
      'Madre: La intervención cambió todo. Sentí confianza y un vínculo con la profesional que venía a casa.',
      'Entrevistadora: ¿Y el miedo al principio?',
      'Madre: Al principio tenía miedo, mucho miedo, pero los vínculos se hicieron fuertes. La falta de tiempo era un problema.',
    ].join('\n'),
    speakers: ['Entrevistadora', 'Madre', 'Entrevistadora', 'Madre'],
  },
  {
    id: 's-pt',
    name: 'Relatório DRI',
    kind: 'report',
    language: 'pt',
    caseIds: ['c-dri'],
    text: [
      'A ação da equipe foi importante para a família.',
      'As ações de visita domiciliar geraram confiança; a mãe estava correndo atrás de ajuda.',
      'Não houve intervenção do serviço de saúde neste período.',
    ].join('\n'),
  },
  {
    id: 's-en',
    name: 'Field note P3',
    kind: 'field note',
    language: 'en',
    caseIds: ['c-p3'],
    text: ['Trust between the visitor and the family grew over the visits.', 'The family was afraid of being judged; trust came slowly.'].join('\n'),
  },
];

function turnsOf(text: string, speakers: string[] | undefined): SpeakerTurn[] {
  if (!speakers) return [];
  return paragraphsOf(text).map((p, i) => ({ speaker: speakers[i], start: p.start + speakers[i].length + 2, end: p.end }));
}

export const attributes: Attribute[] = [{ id: 'a-training', projectId: 'p', name: 'Capacitación', type: 'category', values: ['Sí', 'No'], order: 0 }];

export const cases: Case[] = [
  { id: 'c-ariii', projectId: 'p', name: 'ARIII', description: '', values: { 'a-training': 'Sí' } },
  { id: 'c-dri', projectId: 'p', name: 'DRI', description: '', values: { 'a-training': 'No' } },
  { id: 'c-p3', projectId: 'p', name: 'P3', description: '', values: { 'a-training': 'Sí' } },
];

export const sources: Source[] = texts.map((t) => ({
  id: t.id,
  projectId: 'p',
  name: t.name,
  kind: t.kind,
  originalFileName: `${t.name}.txt`,
  format: 'txt',
  sha256: '',
  language: t.language,
  words: 0,
  caseIds: t.caseIds,
  importedAt: '2025-01-01T00:00:00.000Z',
  warnings: [],
}));

export const contents: SourceContent[] = texts.map((t) => ({
  sourceId: t.id,
  projectId: 'p',
  text: t.text,
  paragraphs: paragraphsOf(t.text),
  turns: turnsOf(t.text, t.speakers),
  annotations: [],
}));

export const searchData: Pick<ProjectData, 'sources' | 'contents' | 'cases' | 'attributes'> = { sources, contents, cases, attributes };
