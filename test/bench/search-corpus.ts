import { normalizeText, paragraphsOf } from '../../src/import/normalize';
import type { Attribute, Case, ProjectData, Source, SourceContent, SpeakerTurn } from '../../src/model/types';
import { seededRandom } from './generate';

/**
 * A seeded corpus in three languages whose vocabulary is as large and as skewed as real
 * transcripts' (tens of thousands of word forms, Zipf-distributed), with the words and
 * phrases the benchmark's queries look for among the frequent ones.
 */
const REAL: Record<'es' | 'pt' | 'en', string[]> = {
  es: 'la de que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde familia visita confianza vínculo intervención miedo profesional madre niño programa capacitación relación cercanía apoyo casa tiempo falta niña abuela señora escuela cambio ayuda equipo trabajo'.split(
    ' ',
  ),
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está família visita confiança vínculo intervenção medo profissional mãe criança programa capacitação relação proximidade apoio casa tempo falta correndo ação ações equipe trabalho'.split(
    ' ',
  ),
  en: 'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when family visit trust bond intervention fear professional mother child program training relationship closeness support home time lack caregiver worker court report help'.split(
    ' ',
  ),
};

const SYLLABLES: Record<'es' | 'pt' | 'en', string[]> = {
  es: 'ma la pe ri to ción gra do mien sa ta vi ne ra que ble ño lle cha tu dá mó pú ré'.split(' '),
  pt: 'ção nha lho ão ma ra de to vi sa mé pú cê ê ti lu go fa ba ção õe'.split(' '),
  en: 'ing er th tion ab con st re pro al ly ment ous ive ness ful ack ow'.split(' '),
};

const PHRASES: Record<'es' | 'pt' | 'en', string[]> = {
  es: ['falta de tiempo', 'visita domiciliaria', 'la familia confía en la profesional'],
  pt: ['visita domiciliar', 'falta de tempo', 'a família confia na equipe'],
  en: ['lack of time', 'home visit', 'the family trusts the worker'],
};

export const LANGUAGES = ['es', 'pt', 'en'] as const;
const SHARE = { es: 0.5, pt: 0.3, en: 0.2 };

class Vocabulary {
  readonly words: string[];
  private readonly cumulative: Float64Array;
  constructor(language: 'es' | 'pt' | 'en', size: number, random: () => number) {
    const seen = new Set(REAL[language]);
    this.words = [...REAL[language]];
    while (this.words.length < size) {
      const n = 2 + Math.floor(random() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += SYLLABLES[language][Math.floor(random() * SYLLABLES[language].length)];
      if (!seen.has(w)) {
        seen.add(w);
        this.words.push(w);
      }
    }
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) this.cumulative[r] = total += 1 / Math.pow(r + 1, 1.05);
    for (let r = 0; r < size; r++) this.cumulative[r] /= total;
  }
  pick(random: () => number): string {
    const x = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo];
  }
}

export interface SearchBenchCorpus {
  data: Pick<ProjectData, 'sources' | 'contents' | 'cases' | 'attributes'>;
  words: number;
  /** A new source, to measure re-indexing after an import. */
  extra: { source: Source; content: SourceContent };
}

function transcript(language: 'es' | 'pt' | 'en', vocabulary: Vocabulary, random: () => number, words: number, participant: string): { text: string; turns: SpeakerTurn[] } {
  const interviewer = language === 'en' ? 'Interviewer' : 'Entrevistadora';
  const lines: { speaker: string; said: string }[] = [];
  let count = 0;
  for (let turn = 0; count < words; turn++) {
    const sentences: string[] = [];
    const n = 10 + Math.floor(random() * 70);
    for (let done = 0; done < n;) {
      const len = 5 + Math.floor(random() * 15);
      const s: string[] = [];
      for (let i = 0; i < len; i++) s.push(random() < 0.01 ? PHRASES[language][Math.floor(random() * 3)] : vocabulary.pick(random));
      s[0] = s[0][0].toUpperCase() + s[0].slice(1);
      sentences.push(`${s.join(' ')}${random() < 0.1 ? '?' : '.'}`);
      done += len;
    }
    lines.push({ speaker: turn % 2 === 0 ? interviewer : participant, said: sentences.join(' ') });
    count += n;
  }
  let text = '';
  const turns: SpeakerTurn[] = [];
  for (const l of lines) {
    if (text) text += '\n';
    const start = text.length + l.speaker.length + 2;
    text += `${l.speaker}: ${l.said}`;
    turns.push({ speaker: l.speaker, start, end: text.length });
  }
  return { text: normalizeText(text), turns };
}

/** About `totalWords` words in sources of about 3,000 words: half Spanish, a third Portuguese, the rest English. */
export function searchBenchCorpus(totalWords: number, seed = 11): SearchBenchCorpus {
  const random = seededRandom(seed);
  const vocabularies = { es: new Vocabulary('es', 30_000, random), pt: new Vocabulary('pt', 30_000, random), en: new Vocabulary('en', 25_000, random) };
  const attributes: Attribute[] = [{ id: 'a-training', projectId: 'p', name: 'Capacitación', type: 'category', values: ['Sí', 'No'], order: 0 }];
  const sources: Source[] = [];
  const contents: SourceContent[] = [];
  const cases: Case[] = [];
  let words = 0;
  const make = (i: number) => {
    const x = random();
    const language = x < SHARE.es ? 'es' : x < SHARE.es + SHARE.pt ? 'pt' : 'en';
    const caseName = `P${i}`;
    const { text, turns } = transcript(language, vocabularies[language], random, 2500 + Math.floor(random() * 1000), caseName);
    const source: Source = {
      id: `s${i}`,
      projectId: 'p',
      name: `Entrevista ${caseName}`,
      kind: i % 7 === 0 ? 'report' : 'in-depth interview',
      originalFileName: `${caseName}.txt`,
      format: 'txt',
      sha256: '',
      language,
      words: 0,
      caseIds: [`c${i}`],
      importedAt: '2025-01-01T00:00:00.000Z',
      warnings: [],
    };
    const content: SourceContent = { sourceId: source.id, projectId: 'p', text, paragraphs: paragraphsOf(text), turns, annotations: [] };
    const kase: Case = { id: `c${i}`, projectId: 'p', name: caseName, description: '', values: { 'a-training': i % 2 ? 'Sí' : 'No' } };
    return { source, content, kase, words: text.split(/\s+/).length };
  };
  for (let i = 0; words < totalWords; i++) {
    const m = make(i);
    sources.push(m.source);
    contents.push(m.content);
    cases.push(m.kase);
    words += m.words;
  }
  const extra = make(sources.length);
  cases.push(extra.kase);
  return { data: { sources, contents, cases, attributes }, words, extra: { source: extra.source, content: extra.content } };
}

/** Thirty queries a researcher types: words, phrases, wildcards, field and attribute filters, NEAR, +/-. */
export const BENCH_QUERIES = [
  'familia',
  'intervencion',
  'confianca',
  'trust',
  'vínculo',
  'medo',
  'caregiver',
  'capacitación',
  'relacao',
  'apoyo',
  '"falta de tiempo"',
  '"visita domiciliar"',
  '"home visit"',
  '"la familia confía en la profesional"',
  'confian*',
  'vincul*',
  'interven*',
  'profes*',
  'miedo speaker:Entrevistadora',
  'familia kind:report',
  'trust case:P3',
  'mãe speaker:Entrevistadora',
  'familia NEAR/5 visita',
  'família NEAR/3 equipe',
  'trust NEAR/5 worker',
  '+familia -miedo',
  '+confiança +proximidade',
  'miedo OR medo OR fear',
  'confianza Capacitación = Sí',
  'escuela cambio ayuda',
];
