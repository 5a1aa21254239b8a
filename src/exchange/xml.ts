import { SaxesParser } from 'saxes';
import { fail } from '../import/result';

/** An XML element as the exchange readers walk it: local name, attributes, children and its own text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Why an XML file was refused: a code the UI translates, and English words about the file; the caller names the file. */
export class XmlRefusal extends Error {
  constructor(
    readonly code: 'xml-doctype' | 'xml-too-many-elements' | 'xml-too-deep' | 'xml-malformed',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** Far more elements than any project holds (a 50,000-segment project has about 200,000). */
const MAX_ELEMENTS = 5_000_000;
const MAX_DEPTH = 256;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses a REFI-QDA file into a tree. A document type declaration is refused outright: the
 * standard needs none, and DTDs are how XML files carry entity bombs and external entities.
 */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let count = 0;
  let refusal: XmlRefusal | null = null;
  const malformed = (detail: string) => new XmlRefusal('xml-malformed', `it is not well-formed XML (${detail})`, { detail });
  parser.on('doctype', () => {
    refusal ??= new XmlRefusal('xml-doctype', 'it declares a document type (DTD), which a REFI-QDA file never needs');
  });
  parser.on('error', (e) => {
    refusal ??= malformed(e.message.replace(/^\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    if (refusal) return;
    if (++count > MAX_ELEMENTS) refusal = new XmlRefusal('xml-too-many-elements', `it holds more than ${MAX_ELEMENTS.toLocaleString('en')} elements`, { limit: MAX_ELEMENTS });
    else if (stack.length > MAX_DEPTH) refusal = new XmlRefusal('xml-too-deep', `its elements nest more than ${MAX_DEPTH} deep`, { limit: MAX_DEPTH });
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attributes[localName(k)] = v;
    const node: XmlNode = { name: localName(tag.name), attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    if (stack.length > 1) stack.pop();
  });
  const addText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  // saxes stops at the first error it reports through the handler; refusing there keeps the parse linear.
  try {
    parser.write(xml).close();
  } catch (e) {
    refusal ??= malformed(e instanceof Error ? e.message : String(e));
  }
  if (refusal) throw refusal;
  const top = root.children[0];
  if (!top) throw malformed('it holds no element');
  return top;
}

/**
 * The root element of a REFI-QDA file's bytes (UTF-8, a BOM allowed), or a refusal that
 * names the format and says why in a code the UI translates.
 */
export function rootOf(bytes: Uint8Array, format: string): XmlNode {
  try {
    return parseXml(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    if (e instanceof XmlRefusal) fail(e.code, `damaged ${format} file (${e.message})`, { format, ...e.params });
    throw e;
  }
}

/** The children of an element with a local name. */
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
export const childNamed = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** Characters XML 1.0 cannot hold at all (controls other than tab and line ends, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML content; characters XML cannot hold become U+FFFD (positions stay where they were). */
const NEEDS_ESCAPE = /[&<>"\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

const ATTRIBUTE_ESCAPE = /[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]/;

/** Text as an attribute value: line ends and tabs kept as character references (a parser would make them spaces). */
export function attributeValue(text: string): string {
  return ATTRIBUTE_ESCAPE.test(text) ? escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : text;
}

const INDENTS = Array.from({ length: 16 }, (_, i) => '  '.repeat(i));

/** Writes elements with attributes in order, indented; undefined attributes are left out. */
export class XmlWriter {
  // Written as UTF-8 every few hundred lines: the strings die young, and a large project's
  // 100,000 lines never wait in memory for one big join.
  private pending: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private pendingUnits = 38;
  private bytes = new Uint8Array(1 << 16);
  private written = 0;
  private readonly encoder = new TextEncoder();
  private depth = 0;

  private attrs(attributes: Record<string, string | number | boolean | undefined>): string {
    let out = '';
    for (const k in attributes) {
      const v = attributes[k];
      if (v !== undefined) out += ` ${k}="${typeof v === 'string' ? attributeValue(v) : String(v)}"`;
    }
    return out;
  }
  private indent() {
    return INDENTS[this.depth] ?? '  '.repeat(this.depth);
  }
  open(name: string, attributes: Record<string, string | number | boolean | undefined> = {}): this {
    this.push(`${this.indent()}<${name}${this.attrs(attributes)}>\n`);
    this.depth++;
    return this;
  }
  close(name: string): this {
    this.depth--;
    this.push(`${this.indent()}</${name}>\n`);
    return this;
  }
  empty(name: string, attributes: Record<string, string | number | boolean | undefined> = {}): this {
    this.push(`${this.indent()}<${name}${this.attrs(attributes)}/>\n`);
    return this;
  }
  /** An element holding text only. */
  text(name: string, text: string): this {
    this.push(`${this.indent()}<${name}>${escapeXml(text)}</${name}>\n`);
    return this;
  }
  /** Already-escaped XML, one line at the current depth. */
  raw(xml: string): this {
    this.push(`${this.indent()}${xml}\n`);
    return this;
  }
  private push(part: string) {
    this.pending.push(part);
    this.pendingUnits += part.length;
    if (this.pending.length >= 512) this.flush();
  }
  private flush() {
    if (this.pending.length === 0) return;
    const need = this.written + this.pendingUnits * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.written));
      this.bytes = grown;
    }
    this.written += this.encoder.encodeInto(this.pending.join(''), this.bytes.subarray(this.written)).written;
    this.pending = [];
    this.pendingUnits = 0;
  }
  /** The document as UTF-8. */
  toBytes(): Uint8Array {
    this.flush();
    return this.bytes.subarray(0, this.written);
  }
}
