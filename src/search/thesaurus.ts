import type { WordLanguage } from '../analysis/languages';
import { stemOf, type Synonyms } from './match';
import type { QueryWord } from './query';
import { foldedWords } from './words';

/** The project's thesaurus: groups of words or phrases that count as one ("vínculo, lazo, relación"). */
export type Thesaurus = string[][];

/** Reads the thesaurus as the researcher writes it: one group per line, entries separated by commas or semicolons. */
export function parseThesaurus(text: string): Thesaurus {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(/[,;]/)
        .map((e) => e.trim().replace(/\s+/g, ' '))
        .filter((e) => foldedWords(e).length > 0),
    )
    .filter((group) => group.length > 1);
}

export function thesaurusText(thesaurus: Thesaurus): string {
  return thesaurus.map((g) => g.join(', ')).join('\n');
}

const asWords = (entry: string): QueryWord[] => foldedWords(entry).map((folded) => ({ folded, wildcard: false, typed: entry }));

/**
 * The other entries of every group a search word belongs to (by stem in the source's
 * language, so "vínculos" finds the group of "vínculo"), each as the words it is made of.
 */
export function thesaurusSynonyms(thesaurus: Thesaurus): Synonyms {
  const groups = thesaurus.map((g) => g.map(asWords));
  return (word: QueryWord, language: WordLanguage | null) => {
    if (word.wildcard) return [];
    const stem = stemOf(word.folded, language);
    const out: QueryWord[][] = [];
    for (const group of groups) {
      const member = group.some((entry) => entry.length === 1 && stemOf(entry[0].folded, language) === stem);
      if (member) for (const entry of group) if (!(entry.length === 1 && stemOf(entry[0].folded, language) === stem)) out.push(entry);
    }
    return out;
  };
}
