const GUID = /^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(\})?$/;

export const isGuid = (s: string) => GUID.test(s) && s.startsWith('{') === s.endsWith('}');

/** A GUID as we keep it: lower case, no braces (ATLAS.ti writes upper case, some tools braces). */
export const ourGuid = (s: string) => s.replace(/[{}]/g, '').toLowerCase();

/**
 * The GUID an id is written under: itself when it is one, else one derived from it (the
 * same id always gives the same GUID, so an export is the same file twice). Two FNV-1a
 * passes with different seeds make 128 bits.
 */
const OUR_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function guidFor(id: string): string {
  if (OUR_GUID.test(id)) return id;
  if (isGuid(id)) return ourGuid(id);
  const hash = (seed: number) => {
    let h = seed >>> 0;
    const out: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < id.length; i++) {
        h ^= id.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      h ^= round + 0x9e;
      h = Math.imul(h, 0x01000193) >>> 0;
      out.push(h);
    }
    return out;
  };
  const words = [...hash(0x811c9dc5), ...hash(0x050c5d1f)].map((w) => w.toString(16).padStart(8, '0')).join('');
  // Version 8 (custom) and the RFC variant, so it reads as a well-formed UUID.
  return `${words.slice(0, 8)}-${words.slice(8, 12)}-8${words.slice(13, 16)}-${((parseInt(words[16], 16) & 0x3) | 0x8).toString(16)}${words.slice(17, 20)}-${words.slice(20, 32)}`;
}
