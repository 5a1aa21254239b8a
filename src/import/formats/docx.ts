import mammoth from 'mammoth';
import type { ImportNote, SourceAnnotation } from '../../model/types';
import { joinParagraphs } from '../normalize';
import { BOLD_LEAD_END } from '../bold-name';
import { damaged, notValid, notes as importNotes, type ParsedText } from '../result';
import { checkUnpackedSize, isZip } from '../zip';
import { isCompoundFile } from '../compound-file';
import { readableWordPackage, type ReadNested } from './docx-package';
import { toRoman } from '../../util/roman';
import { walkXml } from '../xml-walk';

const MAX_NESTING = 3;

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt']);

/**
 * Word documents through mammoth: paragraphs in order (tracked insertions accepted,
 * deletions dropped), headings kept as paragraphs, each table row one paragraph with its
 * cells joined by " | ", footnotes and endnotes appended as "[n] text", comments kept
 * beside the text as annotations and reported in the warnings.
 */
export async function parseDocx(bytes: Uint8Array, nesting = 0): Promise<ParsedText> {
  // An OLE compound file: a Word 97–2003 document under a .docx name, read as what it is,
  // or a .docx saved with a password, which Word keeps in the same kind of container.
  if (isCompoundFile(bytes)) return (await import('./doc')).parseDoc(bytes);
  if (!isZip(bytes)) notValid('Word .docx', 'it is not a zip package');
  checkUnpackedSize(bytes, 'Word');
  // A document embedded in a document is read, down to a few levels (a package can hold itself).
  const readNested: ReadNested = nesting < MAX_NESTING ? (nested) => nestedParagraphs(nested, nesting + 1) : async () => null;
  const { bytes: readable, unreadable } = await readableWordPackage(bytes, readNested, rtfParagraphs);
  let html: string;
  try {
    // mammoth reads `buffer` in Node and `arrayBuffer` in its browser build.
    const input = { buffer: readable, arrayBuffer: readable } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      // Page and column breaks inside a paragraph part its words as a line break does
      // (mammoth drops them by default, running "a" and "b" together as "ab").
      styleMap: ['comment-reference => sup', "br[type='page'] => br", "br[type='column'] => br"],
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (e) {
    damaged('Word', shortReason(e));
  }
  const parsed = htmlToParsedText(html);
  if (unreadable) parsed.warnings = [...(parsed.warnings ?? []), importNotes.embeddedLeftOut(unreadable)];
  return parsed;
}

/** A Word document embedded in another (an altChunk): its paragraphs, footnotes included. */
async function nestedParagraphs(bytes: Uint8Array, nesting: number): Promise<{ paragraphs: string[]; unreadable: number }> {
  const { text, paragraphs, warnings = [] } = await parseDocx(bytes, nesting);
  const unreadable = warnings.reduce((n, w) => n + (w.code === 'embedded-left-out' ? Number(w.params?.count ?? 0) : 0), 0);
  return { paragraphs: (paragraphs ?? []).map((p) => text.slice(p.start, p.end)), unreadable };
}

async function rtfParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { text, paragraphs } = (await import('./rtf')).parseRtf(bytes);
  return (paragraphs ?? []).map((p) => text.slice(p.start, p.end));
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 120);
}

interface NoteTarget {
  kind: SourceAnnotation['kind'];
  label: string;
  parts: string[];
}

function htmlToParsedText(html: string): ParsedText {
  const body: string[] = [];
  const notes: NoteTarget[] = [];
  let images = 0;
  let endnoteMarks = 0;
  let current: string[] | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let note: NoteTarget | null = null;
  let skipDepth = 0;
  // Inside bold that opens a paragraph: perhaps a speaker's name (see bold-name).
  let boldLead = false;
  // Word's Heading 1–6 (mammoth's h1–h6): the body parts that open a part of the document.
  const headingLevels = new Map<number, number>();
  let headingLevel = 0;

  const flush = () => {
    if (current === null) return;
    const text = current.join('');
    if (cell) cell.push(text);
    else if (note) note.parts.push(text);
    else {
      if (headingLevel) headingLevels.set(body.length, headingLevel);
      body.push(text);
    }
    current = null;
  };

  walkXml(`<root>${html}</root>`, {
    open(el) {
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      const href = el.attributes.href ?? '';
      const id = el.attributes.id ?? '';
      if (el.name === 'a' && /^#(comment|footnote|endnote)-ref-/.test(href)) {
        skipDepth = 1; // back-link "↑" from a note to its reference
      } else if (el.name === 'a' && /^#comment-\d/.test(href)) {
        skipDepth = 1; // comment marker "[jkr1]" in the body
      } else if (el.name === 'a' && /^#endnote-\d/.test(href)) {
        // An endnote's mark in the body, numbered i, ii… as the notes appended below.
        skipDepth = 1;
        (current ??= []).push(`[${toRoman(++endnoteMarks)}]`);
      } else if (el.name === 'dt' && id.startsWith('comment-')) {
        note = { kind: 'comment', label: '', parts: [] };
        notes.push(note);
        current = [];
      } else if (el.name === 'li' && /^(footnote|endnote)-/.test(id)) {
        note = { kind: id.startsWith('footnote') ? 'footnote' : 'endnote', label: id.replace(/^\D+-/, ''), parts: [] };
        notes.push(note);
      } else if (el.name === 'tr') {
        row = [];
      } else if (el.name === 'td' || el.name === 'th') {
        cell = [];
      } else if (el.name === 'img') {
        images++;
      } else if (el.name === 'br') {
        if (cell || note) current?.push(' ');
        else {
          flush();
          current = [];
        }
      } else if (BLOCKS.has(el.name)) {
        flush();
        current = [];
        headingLevel = /^h[1-6]$/.test(el.name) && !cell && !note ? Number(el.name[1]) : 0;
      } else if (el.name === 'strong' && !cell && !note && !(current ?? []).join('').trim()) {
        boldLead = true;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (name === 'strong' && boldLead) {
        boldLead = false;
        current?.push(BOLD_LEAD_END);
      }
      if (name === 'li' && note && note.kind !== 'comment') {
        flush();
        note = null;
      } else if (name === 'dd' && note?.kind === 'comment') {
        flush();
        note = null;
      } else if (name === 'dt' && note?.kind === 'comment') {
        note.label = (current ?? [])
          .join('')
          .replace(/^Comment\s*/, '')
          .replace(/^\[|\]$/g, '');
        current = null;
      } else if (BLOCKS.has(name)) {
        flush();
        headingLevel = 0;
      } else if ((name === 'td' || name === 'th') && cell) {
        flush();
        row?.push(cell.join(' ').trim());
        cell = null;
      } else if (name === 'tr' && row) {
        body.push(row.join(' | '));
        row = null;
      }
    },
    text(t) {
      if (skipDepth > 0) return;
      if (current === null) current = [];
      current.push(t);
    },
  });
  flush();

  const annotations: SourceAnnotation[] = notes.map((n) => ({
    kind: n.kind,
    label: n.label,
    text: n.parts.join(' ').replace(/\s+/g, ' ').trim(),
  }));
  const footnotes = annotations.filter((a) => a.kind !== 'comment');
  // mammoth numbers references in reading order; Word's internal ids skip separators.
  footnotes.filter((f) => f.kind === 'footnote').forEach((f, i) => (f.label = String(i + 1)));
  footnotes.filter((f) => f.kind === 'endnote').forEach((f, i) => (f.label = toRoman(i + 1)));
  const comments = annotations.filter((a) => a.kind === 'comment');
  const parts = [...body, ...footnotes.map((f) => `[${f.label}] ${f.text}`)];
  const { text, paragraphs, headings } = joinParagraphs(parts, headingLevels);

  const warnings: ImportNote[] = [];
  if (footnotes.length) warnings.push(importNotes.footnotesAppended(footnotes.length));
  if (comments.length) warnings.push(importNotes.commentsAside(comments.length));
  if (images) warnings.push(importNotes.imagesLeftOut(images));
  return { text, paragraphs, annotations, warnings, ...(headings?.length ? { headings } : {}) };
}
