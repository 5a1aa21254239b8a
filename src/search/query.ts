import type { Message } from '../model/errors';
import { foldedWords } from './words';
import { foldWord } from './fold';

/**
 * The search box's language, as the help explains it:
 *   vínculo confianza        either word (stemmed: "vínculos" counts)
 *   +vínculo -miedo          must have / must not have
 *   "falta de tiempo"        the exact words in order
 *   confian*                 any word that begins so
 *   familia NEAR/5 visita    both within five words of each other
 *   speaker:Entrevistadora kind:report case:ARIII source:"Informe 3"
 *   Capacitación = Sí        sources of cases with that attribute value
 *   AND, OR, NOT             between words, as in NVivo
 */

/** One word of a search: folded, with a wildcard or not. */
export interface QueryWord {
  /** Folded ("confianca"); with a wildcard, the folded pattern ("confian*"). */
  folded: string;
  wildcard: boolean;
  /** As typed, for messages and the thesaurus. */
  typed: string;
}

export type QueryTerm =
  { kind: 'word'; word: QueryWord } | { kind: 'phrase'; words: QueryWord[]; typed: string } | { kind: 'near'; left: QueryTerm; right: QueryTerm; distance: number };

export interface QueryItem {
  term: QueryTerm;
  presence: 'optional' | 'required' | 'excluded';
}

export const FILTER_FIELDS = ['speaker', 'kind', 'case', 'source'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type QueryFilter = { kind: 'field'; field: FilterField; value: string; exclude: boolean } | { kind: 'attribute'; attribute: string; value: string; exclude: boolean };

export interface SearchQuery {
  items: QueryItem[];
  filters: QueryFilter[];
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; error: Message };

/** The field names in the researcher's languages: "hablante:", "falante:", "tipo:", "caso:", "fuente:", "fonte:". */
const FIELD_NAMES: Record<string, FilterField> = {
  speaker: 'speaker',
  hablante: 'speaker',
  falante: 'speaker',
  kind: 'kind',
  tipo: 'kind',
  case: 'case',
  caso: 'case',
  source: 'source',
  fuente: 'source',
  fonte: 'source',
};

const MAX_QUERY_LENGTH = 2000;
const MAX_NEAR = 100;
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };

type Token =
  { kind: 'text'; text: string; quoted: boolean; at: number } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' | 'NEAR'; distance?: number; at: number } | { kind: 'equals'; at: number };

const err = (key: string, params: Record<string, string | number> = {}): ParsedQuery => ({ ok: false, error: { key: `search.error.${key}` as Message['key'], params } });

/** Splits the query into words, quoted phrases, operators and `=`; a quote left open is an error. */
function tokens(query: string): Token[] | ParsedQuery {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '=') {
      out.push({ kind: 'equals', at: i });
      i++;
      continue;
    }
    // A word, possibly with a prefix (+, -), a field ("speaker:") and a quoted part.
    let text = '';
    let quoted = false;
    const at = i;
    while (i < query.length && !/\s/.test(query[i]) && query[i] !== '=') {
      const close = QUOTES[query[i]];
      if (close) {
        const end = query.indexOf(close, i + 1);
        const alt = close === '”' ? query.indexOf('"', i + 1) : -1;
        const stop = end < 0 ? alt : alt < 0 ? end : Math.min(end, alt);
        if (stop < 0) return err('unclosed-quote', { text: query.slice(i, i + 30) });
        text += '\u0000' + query.slice(i + 1, stop) + '\u0000';
        quoted = true;
        i = stop + 1;
      } else text += query[i++];
    }
    const near = /^(NEAR|CERCA|PERTO)\/(\d+)$/.exec(text);
    if (!quoted && near) out.push({ kind: 'op', op: 'NEAR', distance: Number(near[2]), at });
    else if (!quoted && /^(NEAR|CERCA|PERTO)(\/.*)?$/.test(text)) return err('near-distance', { text });
    else if (!quoted && (text === 'AND' || text === 'OR' || text === 'NOT')) out.push({ kind: 'op', op: text, at });
    else out.push({ kind: 'text', text, quoted, at });
  }
  return out;
}

/** A word as typed: folded, and marked when it holds a wildcard. */
function wordOf(typed: string): QueryWord | null {
  const wildcard = typed.includes('*');
  const folded = wildcard ? typed.split('*').map(foldWord).join('*') : (foldedWords(typed)[0] ?? '');
  if (!folded.replace(/\*/g, '')) return null;
  return { folded, wildcard, typed };
}

/** A token's text as a term: a phrase when quoted or when it is several words ("bem-estar"). */
function termOf(text: string): QueryTerm | null {
  const unquoted = text.replace(/\u0000/g, ' ').trim();
  const parts = unquoted.split(/\s+/).flatMap((p) => (p.includes('*') ? [p] : foldedWords(p).length > 1 ? foldedWords(p) : [p]));
  const words = parts.map(wordOf).filter((w): w is QueryWord => w !== null);
  if (words.length === 0) return null;
  if (words.length === 1 && !text.includes('\u0000')) return { kind: 'word', word: words[0] };
  return { kind: 'phrase', words, typed: unquoted };
}

/** Reads a search box's query; what is wrong comes back as a message, never as an exception. */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) return err('too-long', { limit: MAX_QUERY_LENGTH });
  const toks = tokens(query);
  if (!Array.isArray(toks)) return toks;
  const items: QueryItem[] = [];
  const filters: QueryFilter[] = [];
  let pending: 'required' | 'excluded' | null = null;
  let andPending = false;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.kind === 'equals') return err('lonely-equals');
    if (tok.kind === 'op') {
      if (tok.op === 'NOT') pending = 'excluded';
      else if (tok.op === 'AND') {
        if (!items.length) return err('lonely-operator', { op: 'AND' });
        items[items.length - 1].presence = items[items.length - 1].presence === 'excluded' ? 'excluded' : 'required';
        andPending = true;
      } else if (tok.op === 'NEAR') {
        const last = items[items.length - 1];
        const next = toks[i + 1];
        if (!last || last.presence === 'excluded' || !next || next.kind !== 'text') return err('near-needs-two');
        if (tok.distance === undefined || tok.distance < 1 || tok.distance > MAX_NEAR) return err('near-distance', { text: `NEAR/${tok.distance ?? ''}` });
        const right = termOf(next.text);
        if (!right) return err('near-needs-two');
        if (last.term.kind === 'near' || right.kind === 'near') return err('near-needs-two');
        last.term = { kind: 'near', left: last.term, right, distance: tok.distance };
        i++;
      }
      continue;
    }
    // "Attribute = Value" written with spaces around the sign.
    if (toks[i + 1]?.kind === 'equals') {
      const value = toks[i + 2];
      if (!value || value.kind !== 'text') return err('attribute-needs-value', { attribute: tok.text.replace(/\u0000/g, '') });
      const exclude = tok.text.startsWith('-') && !tok.quoted;
      filters.push({ kind: 'attribute', attribute: tok.text.replace(/^[-+]/, '').replace(/\u0000/g, ''), value: value.text.replace(/\u0000/g, ''), exclude });
      i += 2;
      continue;
    }
    let text = tok.text;
    let presence: QueryItem['presence'] = pending ?? (andPending ? 'required' : 'optional');
    pending = null;
    andPending = false;
    if (text.startsWith('+') || text.startsWith('-')) {
      presence = text[0] === '+' ? 'required' : 'excluded';
      text = text.slice(1);
    }
    // A field is a word before a colon, or a quoted name before it ("Tipo de profesional":Psicóloga).
    const field = /^(?:\u0000([^\u0000]+)\u0000|([\p{L}_]+)):(.*)$/su.exec(text);
    if (field) {
      const fieldName = field[1] ?? field[2];
      const name = foldWord(fieldName);
      const value = field[3].replace(/\u0000/g, '').trim();
      if (!value) return err('field-needs-value', { field: fieldName });
      if (FIELD_NAMES[name] && field[2]) filters.push({ kind: 'field', field: FIELD_NAMES[name], value, exclude: presence === 'excluded' });
      // Any other name before a colon is a case attribute ("Capacitación:Sí").
      else filters.push({ kind: 'attribute', attribute: fieldName, value, exclude: presence === 'excluded' });
      continue;
    }
    // "Attribute=Value" written without spaces.
    const equals = /^([^=]+)=(.+)$/.exec(text);
    if (equals && !tok.quoted) {
      filters.push({ kind: 'attribute', attribute: equals[1], value: equals[2], exclude: presence === 'excluded' });
      continue;
    }
    const term = termOf(text);
    if (!term) {
      if (text.replace(/\u0000/g, '').trim()) return err('no-words', { text: text.replace(/\u0000/g, '') });
      continue;
    }
    items.push({ term, presence });
  }
  if (pending || andPending) return err('lonely-operator', { op: pending ? 'NOT' : 'AND' });
  if (!items.length && !filters.length) return err('empty');
  if (items.length && items.every((i) => i.presence === 'excluded') && !filters.length) return err('only-excluded');
  return { ok: true, query: { items, filters } };
}

/** A regular expression typed in regex mode, checked: flags for Unicode and case, never one that matches nothing. */
export function parseRegex(pattern: string): { ok: true; regex: RegExp } | { ok: false; error: Message } {
  if (!pattern.trim()) return { ok: false, error: { key: 'search.error.empty' as Message['key'] } };
  if (pattern.length > MAX_QUERY_LENGTH) return { ok: false, error: { key: 'search.error.too-long' as Message['key'], params: { limit: MAX_QUERY_LENGTH } } };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'giu');
  } catch (e) {
    return {
      ok: false,
      error: { key: 'search.error.bad-regex' as Message['key'], params: { reason: e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e) } },
    };
  }
  if (regex.test('')) return { ok: false, error: { key: 'search.error.regex-matches-empty' as Message['key'] } };
  return { ok: true, regex };
}
