import { decodeText } from './encoding';

/**
 * The HTML inside a MIME "web archive" (.mht), as Word's embedded chunks and some
 * HTML-to-Word converters write it: the first text/html part, its transfer encoding
 * (quoted-printable or base64) undone and its charset applied. Null when there is none.
 */
export function htmlOfWebArchive(bytes: Uint8Array): string | null {
  const raw = latin1(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
    const decoded = encoding === 'quoted-printable' ? unQuotedPrintable(body) : encoding === 'base64' ? unBase64(body) : bytesOf(body);
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1];
    return decodeWith(decoded, charset);
  }
  return null;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function bytesOf(latin1Text: string): Uint8Array {
  return Uint8Array.from(latin1Text, (c) => c.charCodeAt(0));
}

function unQuotedPrintable(text: string): Uint8Array {
  return bytesOf(text.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

function unBase64(text: string): Uint8Array {
  return bytesOf(atob(text.replace(/[^A-Za-z0-9+/=]/g, '')));
}

function decodeWith(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown charset name: detect it as for a text file.
    }
  }
  return decodeText(bytes).text;
}
