import { zipSync, type Zippable } from 'fflate';
import { decodeText } from '../encoding';
import { htmlParagraphs } from '../html-paragraphs';
import { htmlOfWebArchive } from '../mime-html';
import { walkXml } from '../xml-walk';
import { readZipEntries } from '../zip';

const DOCUMENT = 'word/document.xml';
const DOCUMENT_LINKS = 'word/_rels/document.xml.rels';
const ALT_CHUNK = /<w:altChunk\b([^>]*?)(?:\/>|>[\s\S]*?<\/w:altChunk\s*>)/g;

const SIMPLE_FIELD = /<w:fldSimple\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:fldSimple\s*>)/g;

/**
 * Puts back, before mammoth reads the package, text that mammoth would skip:
 * - a simple field's shown result (w:fldSimple: a hyperlink's words, a merged name), which
 *   mammoth drops with the field, and a carriage return (w:cr) as a line break;
 * - documents Word embeds as an "altChunk" (HTML, a web archive, RTF, plain text or another
 *   .docx) and shows in place, as HTML-to-Word converters write whole documents; their text
 *   goes back in place as paragraphs. `unreadable` counts the chunks that could not be read.
 * A package with neither is returned as it came.
 */
export async function readableWordPackage(
  bytes: Uint8Array,
  readNested: ReadNested,
  readRtf: (rtf: Uint8Array) => Promise<string[]>,
): Promise<{ bytes: Uint8Array; unreadable: number }> {
  const head = readZipEntries(bytes, (n) => n === DOCUMENT || n === DOCUMENT_LINKS, 'Word');
  const mainXml = head[DOCUMENT] && new TextDecoder().decode(head[DOCUMENT]);
  if (!mainXml || !/<w:(?:altChunk|fldSimple|cr)\b/.test(mainXml)) return { bytes, unreadable: 0 };

  const targets = relationshipTargets(head[DOCUMENT_LINKS]);
  const entries = readZipEntries(bytes, () => true, 'Word');
  let unreadable = 0;
  const replacements: string[] = [];
  for (const m of mainXml.matchAll(ALT_CHUNK)) {
    const id = /\b[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const target = id ? targets.get(id) : undefined;
    const part = target ? entries[target] : undefined;
    const chunk = part ? await chunkParagraphs(target!, part, readNested, readRtf).catch(() => null) : null;
    unreadable += chunk ? chunk.unreadable : 1;
    replacements.push((chunk?.paragraphs ?? []).map(wordParagraph).join(''));
  }
  let i = 0;
  const rewritten = mainXml
    .replace(ALT_CHUNK, () => replacements[i++])
    .replace(SIMPLE_FIELD, (_, shown: string | undefined) => shown ?? '')
    // A carriage return in a run is a line break; mammoth skips it and runs the words together.
    .replace(/<w:cr\s*\/>/g, '<w:br/>');
  const files: Zippable = { ...entries, [DOCUMENT]: new TextEncoder().encode(rewritten) };
  return { bytes: zipSync(files), unreadable };
}

/** The document's relationships, id → package path ("afchunk.mht" → "word/afchunk.mht"). */
function relationshipTargets(xml: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  walkXml(new TextDecoder().decode(xml), {
    open(el) {
      if (!/(^|:)Relationship$/.test(el.name) || el.attributes.TargetMode === 'External') return;
      const target = el.attributes.Target ?? '';
      targets.set(el.attributes.Id ?? '', target.startsWith('/') ? target.slice(1) : resolvePath('word/', target));
    },
  });
  return targets;
}

function resolvePath(base: string, relative: string): string {
  const parts = (base + relative).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Reads an embedded .docx: its paragraphs, and how many chunks inside it could not be read (null: not read at all). */
export type ReadNested = (docx: Uint8Array) => Promise<{ paragraphs: string[]; unreadable: number } | null>;

async function chunkParagraphs(
  name: string,
  bytes: Uint8Array,
  readNested: ReadNested,
  readRtf: (rtf: Uint8Array) => Promise<string[]>,
): Promise<{ paragraphs: string[]; unreadable: number } | null> {
  const paragraphs = await chunkText(name, bytes, readRtf);
  if (paragraphs !== undefined) return paragraphs && { paragraphs, unreadable: 0 };
  return readNested(bytes);
}

/** The paragraphs of a chunk in a text format; undefined for a nested .docx, null when unreadable. */
async function chunkText(name: string, bytes: Uint8Array, readRtf: (rtf: Uint8Array) => Promise<string[]>): Promise<string[] | null | undefined> {
  const ext = /\.([^./]+)$/.exec(name)?.[1].toLowerCase() ?? '';
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (ext === 'mht' || ext === 'mhtml' || /^\s*(MIME-Version|Content-Type)\s*:/i.test(start)) {
    const html = htmlOfWebArchive(bytes);
    return html === null ? null : htmlParagraphs(html);
  }
  if (ext === 'htm' || ext === 'html' || ext === 'xhtml' || /^\s*(<!doctype html|<html|<\?xml)/i.test(start)) return htmlParagraphs(decodeText(bytes).text);
  if (ext === 'rtf' || start.startsWith('{\\rtf')) return readRtf(bytes);
  if (ext === 'docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return undefined;
  if (ext === 'txt')
    return decodeText(bytes)
      .text.split(/\r\n?|\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  return null;
}

function wordParagraph(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<w:p><w:r><w:t xml:space="preserve">${escaped}</w:t></w:r></w:p>`;
}
