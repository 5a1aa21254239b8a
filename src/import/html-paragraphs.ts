/**
 * The paragraphs of an HTML page as a reader sees them: blocks (p, div, headings, list
 * items) become paragraphs, a line break starts a new one, table rows read "cell | cell",
 * note marks read "[1]"; scripts, styles, comments, tracked deletions and page headers
 * and footers are left out, and character references are decoded. For documents saved as
 * HTML and HTML embedded in Word files: a reader's view, not a browser's layout.
 */
export function htmlParagraphs(html: string): string[] {
  const body = (/<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html)?.[1] ?? html)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    // Tracked deletions (as Word and LibreOffice write them to HTML), and page headers and footers.
    .replace(/<del\b[\s\S]*?<\/del\s*>/gi, '')
    .replace(/<div\b[^>]*\btitle\s*=\s*["'](?:header|footer)["'][^>]*>[\s\S]*?<\/div\s*>/gi, '');
  const text = body
    .replace(/\s+/g, ' ')
    // Note marks read as in Word files: "[1]" in the text, "[1] …" where the note is.
    .replace(/<sup\b[^>]*>\s*(\d{1,3}|[ivxlc]{1,5}|[*†‡]+)\s*<\/sup\s*>/gi, '[$1]')
    .replace(/<a\b[^>]*href\s*=\s*["']#[^>]*>\s*(\d{1,3})\s*<\/a\s*>/gi, '[$1] ')
    // A table row is one line, "cell | cell", whatever paragraphs the cells hold.
    .replace(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi, (_, row: string) => `\n${cellsOf(row).join(' | ')}\n`)
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/?(?:p|div|h[1-6]|li|dt|dd|tr|table|thead|tbody|tfoot|ul|ol|dl|blockquote|pre|section|article|header|footer|address|figure|figcaption|caption)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeCharacterReferences(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
}

function cellsOf(row: string): string[] {
  return row
    .split(/<t[dh]\b[^>]*>/i)
    .slice(1)
    .map((cell) => cell.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim());
}

/** The named references HTML editors write for our users' letters and punctuation. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  iexcl: '¡', iquest: '¿', laquo: '«', raquo: '»', ordf: 'ª', ordm: 'º', deg: '°', middot: '·', copy: '©', reg: '®', euro: '€',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', bull: '•', trade: '™',
};
const ACCENTED = (
  [
    ['acute', 'aeiouyAEIOUY', 'áéíóúýÁÉÍÓÚÝ'],
    ['grave', 'aeiouAEIOU', 'àèìòùÀÈÌÒÙ'],
    ['circ', 'aeiouAEIOU', 'âêîôûÂÊÎÔÛ'],
    ['tilde', 'anoANO', 'ãñõÃÑÕ'],
    ['uml', 'aeiouyAEIOU', 'äëïöüÿÄËÏÖÜ'],
    ['cedil', 'cC', 'çÇ'],
  ] as const
).flatMap(([suffix, bases, letters]) => [...bases].map((b, i) => [b + suffix, [...letters][i]] as const));
for (const [name, letter] of ACCENTED) NAMED[name] = letter;

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}
