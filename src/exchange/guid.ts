const GUID = /^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(\})?$/;

export const isGuid = (s: string) => GUID.test(s) && s.startsWith('{') === s.endsWith('}');

/** A GUID as we keep it: lower case, no braces (ATLAS.ti writes upper case, some tools braces). */
export const ourGuid = (s: string) => s.replace(/[{}]/g, '').toLowerCase();

const OUR_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex8 = (w: number) => HEX[w >>> 24] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[w & 0xff];

/** Two FNV-1a rounds over the id from one seed: two 32-bit words. */
function fnvPair(id: string, seed: number): [number, number] {
  let h = seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const first = Math.imul(h ^ 0x9e, 0x01000193) >>> 0;
  h = first;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return [first, Math.imul(h ^ 0x9f, 0x01000193) >>> 0];
}

/**
 * The GUID an id is written under: itself when it is one, else one derived from it (the
 * same id always gives the same GUID, so an export is the same file twice). Two FNV-1a
 * passes with different seeds make 128 bits.
 * Kept cheap: 50,000 segments give 50,000 codings whose GUIDs are derived on every export.
 */
export function guidFor(id: string): string {
  if (id.length === 36 && OUR_GUID.test(id)) return id;
  if (id.length >= 36 && id.length <= 38 && isGuid(id)) return ourGuid(id);
  const [a, b] = fnvPair(id, 0x811c9dc5);
  const [c, d] = fnvPair(id, 0x050c5d1f);
  const words = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  // Version 8 (custom) and the RFC variant, so it reads as a well-formed UUID.
  return `${words.slice(0, 8)}-${words.slice(8, 12)}-8${words.slice(13, 16)}-${((parseInt(words[16], 16) & 0x3) | 0x8).toString(16)}${words.slice(17, 20)}-${words.slice(20, 32)}`;
}
