/**
 * The code point that the UTF-16 unit at `i` is part of: either half of a surrogate pair
 * gives the pair's character (𝒳), a lone half gives itself. Scans that read a text unit by
 * unit use it to classify letters beyond the Basic Multilingual Plane.
 */
export function codePointOfUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return text.codePointAt(i)!;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 1)!;
  }
  return c;
}
