import { isoDate } from './attribute-values';

/**
 * The date a file's name gives, as researchers date their recordings and transcripts:
 * "2023-05-12_P3.docx", "P3 20230512.txt", "entrevista 12.05.2023.docx" (day first, as in
 * Chile, Spain, Portugal and Brazil). Two-digit years are too ambiguous to guess from.
 */
export function suggestSourceDate(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const yearFirst = /(?:^|\D)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)/.exec(base);
  if (yearFirst) return isoDate(+yearFirst[1], +yearFirst[3], +yearFirst[4]) ?? undefined;
  const dayFirst = /(?:^|\D)(\d{1,2})([-_.])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/.exec(base);
  if (dayFirst) return isoDate(+dayFirst[4], +dayFirst[3], +dayFirst[1]) ?? undefined;
  return undefined;
}
