import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open?(el: XmlElement): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Streams well-formed XML (or XHTML such as mammoth's output) to handlers; throws if malformed. */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => handlers.open?.({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.on('closetag', (tag) => handlers.close?.(tag.name));
  parser.on('text', (t) => handlers.text?.(t));
  parser.on('cdata', (t) => handlers.text?.(t));
  parser.write(xml).close();
  if (error) throw error;
}
