import { MAX_TEXT_CHARS } from '../../src/import';
import type { FuzzOutcome } from './isolated';

/** What a refusal must never show a researcher: the words of a JavaScript fault. */
export const JAVASCRIPT_FAULT =
  /undefined|\bnull\b|is not a function|is not iterable|Cannot (read|set)|call stack|Invalid (typed )?array length|Invalid string length|\bat \w+ \(|TypeError|RangeError/i;

/** Why a hostile file's outcome breaks a promise, or null when it held. */
export function brokenPromise(o: FuzzOutcome, slowMs: number): string | null {
  if (o.status !== 'finished') return `${o.status} after ${Math.round(o.ms)} ms`;
  if (o.ms > slowMs) return `took ${Math.round(o.ms)} ms`;
  if (!o.ok && o.message && JAVASCRIPT_FAULT.test(o.message)) return `speaks of JavaScript: ${o.message}`;
  if ((o.textChars ?? 0) > MAX_TEXT_CHARS) return `gave ${o.textChars} characters`;
  if (o.loneSurrogates) return `${o.loneSurrogates} lone surrogates in its text`;
  return null;
}

/** The figures of a run: held of tried, the slowest and the largest case. */
export function fuzzSummary(outcomes: FuzzOutcome[], slowMs: number) {
  const held = outcomes.filter((o) => brokenPromise(o, slowMs) === null).length;
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const largest = outcomes.reduce((a, b) => (b.inputBytes > a.inputBytes ? b : a));
  return { tried: outcomes.length, held, slowest, largest };
}
