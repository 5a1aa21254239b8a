import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import spanish from 'lunr-languages/lunr.es.js';
import portuguese from 'lunr-languages/lunr.pt.js';

// lunr-languages adds Spanish and Portuguese stemmers and stop words to lunr, once.
stemmerSupport(lunr);
spanish(lunr);
portuguese(lunr);

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

/** A word that carries no topic in any of our users' languages ("de", "the", "não"). */
export function isStopWord(word: string, languages: WordLanguage[]): boolean {
  return languages.some((l) => TOOLS[l].stopWordFilter(word) === undefined);
}

/** The stem of a word in a language: "intervenciones" → "intervencion". */
export function stem(word: string, language: WordLanguage): string {
  return TOOLS[language].stemmer(new lunr.Token(word, {})).toString();
}
