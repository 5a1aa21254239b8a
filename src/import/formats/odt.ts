import type { ImportNote, SourceAnnotation } from '../../model/types';
import { joinParagraphs } from '../normalize';
import { BOLD_LEAD_END } from '../bold-name';
import { PASSWORD_PROTECTED, damaged, fail, notes as importNotes, type ParsedText } from '../result';
import { walkXml } from '../xml-walk';
import { readZipEntries } from '../zip';

/**
 * OpenDocument text (LibreOffice, common for transcripts in Latin America and Europe):
 * paragraphs and headings in order, table rows flattened with " | ", footnotes appended,
 * comments (office:annotation) kept beside the text, tracked deletions left out.
 */
export function parseOdt(bytes: Uint8Array): ParsedText {
  const entries = readZipEntries(bytes, (n) => n === 'content.xml' || n === 'styles.xml' || n === 'META-INF/manifest.xml', 'OpenDocument (.odt)');
  // Saved with a password, the package's parts are encrypted and the manifest says how.
  const manifest = entries['META-INF/manifest.xml'];
  if (manifest && /<manifest:encryption-data\b/.test(new TextDecoder().decode(manifest))) fail('encrypted', PASSWORD_PROTECTED);
  const content = entries['content.xml'];
  if (!content) fail('corrupt', 'not an OpenDocument text: content.xml is missing', { format: 'OpenDocument', reason: 'content.xml is missing' });
  const xml = new TextDecoder('utf-8').decode(content);
  const styles = entries['styles.xml'] ? new TextDecoder('utf-8').decode(entries['styles.xml']) : '';

  const body: string[] = [];
  const annotations: SourceAnnotation[] = [];
  let current: string[] | null = null;
  let depth = 0; // nesting of text:p / text:h inside the current block
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let skip = 0; // inside tracked changes or a note citation
  let note: { kind: SourceAnnotation['kind']; label: string; parts: string[] } | null = null;
  let noteDepth = 0;
  const saved: { current: string[] | null; depth: number }[] = [];
  const boxes: { depth: number }[] = [];
  // Spans open in the paragraph; true for bold opening it, perhaps a speaker's name (see bold-name).
  const spans: boolean[] = [];
  let bold: Set<string> = new Set();

  const emit = (text: string) => {
    if (note) note.parts.push(text);
    else if (cell) cell.push(text);
    else body.push(text);
  };

  try {
    bold = boldTextStyles([styles, xml]);
    walkXml(xml, {
      open(el) {
        if (skip > 0) {
          skip++;
          return;
        }
        switch (el.name) {
          case 'text:tracked-changes':
          case 'text:note-citation':
          case 'office:annotation-end':
          case 'dc:creator':
          case 'dc:date':
          case 'meta:date-string':
            skip = 1;
            return;
          case 'text:hidden-text':
            // Conditional text the document shows only when its condition holds.
            if (el.attributes['text:is-hidden'] === 'true') skip = 1;
            else if (note) noteDepth++;
            return;
          case 'draw:text-box':
            // A text box anchored in a paragraph holds paragraphs of its own: they are not
            // run into the words around the box.
            if (note) noteDepth++;
            if (current && current.join('').trim()) emit(current.join(''));
            boxes.push({ depth });
            current = null;
            depth = 0;
            return;
          case 'text:note':
          case 'office:annotation': {
            const isComment = el.name === 'office:annotation';
            saved.push({ current, depth });
            current = null;
            depth = 0;
            note = { kind: isComment ? 'comment' : el.attributes['text:note-class'] === 'endnote' ? 'endnote' : 'footnote', label: '', parts: [] };
            noteDepth = 1;
            return;
          }
          case 'text:p':
          case 'text:h':
            if (note) noteDepth++;
            depth++;
            if (depth === 1) current = [];
            return;
          case 'table:table-row':
            row = [];
            return;
          case 'table:table-cell':
            cell = [];
            return;
          case 'text:s':
            current?.push(' '.repeat(Number(el.attributes['text:c'] ?? '1') || 1));
            return;
          case 'text:tab':
            current?.push('\t');
            return;
          case 'text:span':
            spans.push(!note && !cell && depth === 1 && bold.has(el.attributes['text:style-name'] ?? '') && !(current ?? []).join('').trim() && !spans.includes(true));
            if (note) noteDepth++;
            return;
          case 'text:line-break':
            // A manual line break starts a new line of the text, as in Word files and plain
            // transcripts; inside a table cell or a note it is a space.
            if (!note && !cell && current && depth === 1) {
              emit(current.join(''));
              current = [];
            } else current?.push(' ');
            return;
          default:
            if (note) noteDepth++;
        }
      },
      close(name) {
        if (skip > 0) {
          skip--;
          return;
        }
        if (name === 'text:span' && spans.pop()) current?.push(BOLD_LEAD_END);
        if (note) {
          if (name === 'draw:text-box') {
            depth = boxes.pop()?.depth ?? 0;
            current = depth > 0 ? [] : null;
          }
          if (name === 'text:p' || name === 'text:h') {
            depth--;
            if (depth === 0 && current) {
              note.parts.push(current.join(''));
              current = null;
            }
          }
          noteDepth--;
          if (noteDepth === 0) {
            annotations.push({ kind: note.kind, label: note.label || String(annotations.length + 1), text: note.parts.join(' ').trim() });
            note = null;
            const outer = saved.pop();
            current = outer?.current ?? null;
            depth = outer?.depth ?? 0;
          }
          return;
        }
        if (name === 'text:p' || name === 'text:h') {
          depth--;
          if (depth === 0 && current) {
            emit(current.join(''));
            current = null;
          }
        } else if (name === 'draw:text-box') {
          depth = boxes.pop()?.depth ?? 0;
          current = depth > 0 ? [] : null;
        } else if (name === 'table:table-cell' && cell) {
          row?.push(cell.join(' ').trim());
          cell = null;
        } else if (name === 'table:table-row' && row) {
          body.push(row.join(' | '));
          row = null;
        }
      },
      text(t) {
        if (skip > 0) return;
        if (note && current === null) current = [];
        current?.push(t.replace(/\s*\n\s*/g, ' '));
      },
    });
  } catch (e) {
    damaged('OpenDocument', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }

  const notes = annotations.filter((a) => a.kind !== 'comment');
  notes.forEach((n, i) => (n.label = String(i + 1)));
  const comments = annotations.filter((a) => a.kind === 'comment');
  comments.forEach((c, i) => (c.label = String(i + 1)));
  const { text, paragraphs } = joinParagraphs([...body, ...notes.map((n) => `[${n.label}] ${n.text}`)]);
  const warnings: ImportNote[] = [];
  if (notes.length) warnings.push(importNotes.footnotesAppended(notes.length));
  if (comments.length) warnings.push(importNotes.commentsAside(comments.length));
  return { text, paragraphs, annotations, warnings };
}

/**
 * The text styles that set words in bold, from the document's own styles and its
 * automatic ones (LibreOffice writes a bold word as a span of an automatic style "T1").
 */
function boldTextStyles(xmls: string[]): Set<string> {
  const styles = new Map<string, { parent?: string; bold?: boolean }>();
  let current: { parent?: string; bold?: boolean } | null = null;
  for (const xml of xmls) {
    if (!xml) continue;
    walkXml(xml, {
      open(el) {
        if (el.name === 'style:style' && el.attributes['style:family'] === 'text') {
          current = { parent: el.attributes['style:parent-style-name'] };
          styles.set(el.attributes['style:name'] ?? '', current);
        } else if (el.name === 'style:text-properties' && current) {
          const weight = el.attributes['fo:font-weight'];
          if (weight !== undefined) current.bold = weight === 'bold' || Number(weight) >= 600;
        }
      },
      close(name) {
        if (name === 'style:style') current = null;
      },
    });
  }
  const isBold = (name: string | undefined, seen = 0): boolean => {
    const style = name === undefined ? undefined : styles.get(name);
    if (!style || seen > 10) return false;
    return style.bold ?? isBold(style.parent, seen + 1);
  };
  return new Set([...styles.keys()].filter((name) => isBold(name)));
}
