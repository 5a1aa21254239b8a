import { Tokenizer } from 'htmlparser2';

/** Elements whose content a reader never sees, or that a document marks as not its text. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'del']);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'figure',
  'figcaption',
  'caption',
]);
/** Elements that have no content and no close tag. */
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'wbr', 'col', 'area', 'base', 'embed', 'param', 'source', 'track']);
/** How far down the open elements a close tag looks for its element: further is a stray close tag (and keeps reading linear). */
const CLOSE_REACH = 64;
const NOTE_MARK = /^\s*(\d{1,3}|[ivxlc]{1,5}|[*†‡]+)\s*$/i;
const NOTE_LINK = /^\s*(\d{1,3})\s*$/;

/**
 * The paragraphs of an HTML page as a reader sees them: blocks (p, div, headings, list
 * items) become paragraphs, a line break starts a new one, table rows read "cell | cell",
 * note marks read "[1]"; scripts, styles, comments, tracked deletions and page headers
 * and footers are left out, and character references are decoded. For documents saved as
 * HTML and HTML embedded in Word files: a reader's view, not a browser's layout.
 *
 * Read with htmlparser2's tokenizer and a stack of our own, in one pass: unclosed comments,
 * scripts and rows, floods of '<' and nesting thousands deep cost no more than their length.
 */
export function htmlParagraphs(html: string): string[] {
  const lines: string[] = [];
  let line = '';
  let hidden = 0;
  let afterBody = false;
  /** Open elements, and whether each hides its content: our own stack, pushed and popped at its top only. */
  const open: { name: string; hides: boolean }[] = [];
  /** The row being read: its cells, or null outside a table row. */
  let row: string[] | null = null;
  /** Text gathered for a note mark (<sup>) or a note link (<a href="#…">). */
  let mark: { kind: 'sup' | 'link'; text: string } | null = null;

  const write = (text: string) => {
    if (hidden > 0 || afterBody) return;
    if (mark) mark.text += text;
    else if (row) {
      if (row.length > 0) row[row.length - 1] += text;
    } else line += text;
  };
  const newLine = () => {
    if (row) write(' ');
    else {
      lines.push(line);
      line = '';
    }
  };
  const endRow = () => {
    if (!row) return;
    const cells = row.map((c) => c.replace(/\s+/g, ' ').trim());
    row = null;
    lines.push(line, cells.join(' | '));
    line = '';
  };

  const opened = (name: string, attrs: Record<string, string>) => {
    const hides = HIDDEN.has(name) || (name === 'div' && /^(header|footer)$/i.test(attrs.title ?? ''));
    if (!VOID.has(name)) open.push({ name, hides });
    if (hides) hidden++;
    if (hidden > 0 || afterBody) return;
    if (name === 'body') {
      // What came before the body (outside the head) is not the document's text.
      line = '';
      lines.length = 0;
    } else if (name === 'tr') {
      endRow();
      newLine();
      row = [];
    } else if ((name === 'td' || name === 'th') && row) row.push('');
    else if (name === 'br') newLine();
    else if (name === 'sup' && !mark) mark = { kind: 'sup', text: '' };
    else if (name === 'a' && !mark && (attrs.href ?? '').startsWith('#')) mark = { kind: 'link', text: '' };
    else if (BLOCKS.has(name)) newLine();
  };
  const closedOne = (element: { name: string; hides: boolean }) => {
    const wasHidden = hidden > 0;
    if (element.hides) hidden--;
    if (wasHidden || afterBody) return;
    const name = element.name;
    if (name === 'body') afterBody = true;
    else if (name === 'tr' || name === 'table') endRow();
    else if (name === 'sup' && mark?.kind === 'sup') {
      const text = mark.text;
      mark = null;
      const m = NOTE_MARK.exec(text);
      write(m ? `[${m[1]}]` : text);
    } else if (name === 'a' && mark?.kind === 'link') {
      const text = mark.text;
      mark = null;
      const m = NOTE_LINK.exec(text);
      write(m ? `[${m[1]}] ` : text);
    }
    if (BLOCKS.has(name)) newLine();
  };
  /** A close tag closes its element and those left open inside it; one that closes nothing near the top is a stray and is ignored. */
  const closed = (name: string) => {
    for (let k = open.length - 1; k >= Math.max(0, open.length - CLOSE_REACH); k--) {
      if (open[k].name !== name) continue;
      while (open.length > k) closedOne(open.pop()!);
      return;
    }
  };

  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true, recognizeSelfClosing: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname(start, end) {
        attrName = html.slice(start, end).toLowerCase();
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        attrs[attrName] = attrValue;
      },
      onopentagend() {
        opened(tag, attrs);
      },
      onselfclosingtag() {
        opened(tag, attrs);
        if (!VOID.has(tag)) closed(tag);
      },
      onclosetag(start, end) {
        closed(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        write(html.slice(start, end));
      },
      ontextentity(codepoint) {
        write(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  endRow();
  lines.push(line);
  return lines
    .map((l) =>
      l
        .replace(/\s+/g, ' ')
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
}
