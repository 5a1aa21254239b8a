import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import spanish from 'lunr-languages/lunr.es.js';
import portuguese from 'lunr-languages/lunr.pt.js';
import { foldWord } from '../search/fold';

// lunr-languages adds Spanish and Portuguese stemmers and stop words to lunr, once. Their
// stop word lists are caught on the way in, so that search can fold them as it folds words.
const stopWordLists: string[][] = [];
const generate = lunr.generateStopWordFilter;
lunr.generateStopWordFilter = (words: string[]) => {
  stopWordLists.push(words);
  return generate(words);
};
stemmerSupport(lunr);
spanish(lunr);
portuguese(lunr);
lunr.generateStopWordFilter = generate;

type Pipe = (token: lunr.Token | string) => lunr.Token | string | undefined;
interface LanguageTools {
  stopWordFilter: Pipe;
  stemmer: (token: lunr.Token) => lunr.Token;
}
const TOOLS: Record<'en' | 'es' | 'pt', LanguageTools> = {
  en: { stopWordFilter: lunr.stopWordFilter as unknown as Pipe, stemmer: lunr.stemmer as unknown as LanguageTools['stemmer'] },
  es: (lunr as unknown as Record<string, LanguageTools>).es,
  pt: (lunr as unknown as Record<string, LanguageTools>).pt,
};

export type WordLanguage = keyof typeof TOOLS;
export const WORD_LANGUAGES: readonly WordLanguage[] = ['es', 'pt', 'en'];

/** A word that carries no topic in any of our users' languages ("de", "the", "não"). */
export function isStopWord(word: string, languages: WordLanguage[]): boolean {
  return languages.some((l) => TOOLS[l].stopWordFilter(word) === undefined);
}

/** The stem of a word in a language: "intervenciones" → "intervencion". */
export function stem(word: string, language: WordLanguage): string {
  return TOOLS[language].stemmer(new lunr.Token(word, {})).toString();
}

// English stop words are plain ASCII: lunr's own filter reads their folded forms as they are.
const FOLDED_STOP_WORDS: Record<'es' | 'pt', Set<string>> = {
  es: new Set((stopWordLists[0] ?? []).map(foldWord)),
  pt: new Set((stopWordLists[1] ?? []).map(foldWord)),
};

/** A folded word that carries no topic in a language ("nao", "esta"): search leaves it out of its index. */
export function isFoldedStopWord(folded: string, language: WordLanguage): boolean {
  return language === 'en' ? TOOLS.en.stopWordFilter(folded) === undefined : FOLDED_STOP_WORDS[language].has(folded);
}

/** The languages search stems; a source in any other language is searched by folded words only. */
export function wordLanguageOf(language: string): WordLanguage | null {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return (WORD_LANGUAGES as readonly string[]).includes(base) ? (base as WordLanguage) : null;
}
