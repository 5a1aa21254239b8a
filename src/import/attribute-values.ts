import type { AttributeType, AttributeValue } from '../model/types';

const YES = new Set(['yes', 'y', 'true', 'sí', 'si', 's', 'sim', 'x', '1']);
const NO = new Set(['no', 'n', 'false', 'não', 'nao', '0', '']);

/** Guesses an attribute's type from the values in a column, as a researcher would type them. */
export function inferAttributeType(values: string[]): { type: AttributeType; categories: string[] } {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return { type: 'text', categories: [] };
  const distinct = [...new Set(filled)];
  const lower = distinct.map((v) => v.toLowerCase());
  if (lower.every((v) => YES.has(v) || NO.has(v)) && lower.some((v) => !/^[01]$/.test(v))) {
    return { type: 'boolean', categories: [] };
  }
  if (filled.every((v) => parseNumber(v) !== null)) return { type: 'number', categories: [] };
  if (filled.every((v) => parseDate(v) !== null)) return { type: 'date', categories: [] };
  const short = distinct.every((v) => v.length <= 40);
  if (short && distinct.length <= Math.max(12, Math.ceil(filled.length / 2)) && distinct.length < filled.length) {
    return { type: 'category', categories: distinct.sort((a, b) => a.localeCompare(b)) };
  }
  return { type: 'text', categories: [] };
}

/** Numbers as written in English and Spanish/Portuguese sheets: "3.5", "3,5", "1.200". */
export function parseNumber(v: string): number | null {
  const s = v.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/**
 * ISO dates and day-first dates (dd/mm/yyyy, as used in Chile, Spain, Portugal, Brazil);
 * a time after the date, as survey tools write it ("2024-05-06 09:12:40"), is let go.
 */
export function parseDate(v: string): string | null {
  const s = v.trim().replace(/(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?)$/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  return null;
}

export function isoDate(y: number, mo: number, d: number): string | null {
  // A real day of the calendar: not the 31st of June, nor the 29th of February of 2023.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Converts a typed-in value to what the store keeps for an attribute of this type. */
export function coerceAttributeValue(type: AttributeType, raw: string): AttributeValue {
  const s = raw.trim();
  if (s === '') return null;
  switch (type) {
    case 'number':
      return parseNumber(s);
    case 'boolean':
      return YES.has(s.toLowerCase()) ? true : NO.has(s.toLowerCase()) ? false : null;
    case 'date':
      return parseDate(s);
    default:
      return s;
  }
}
