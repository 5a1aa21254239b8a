/**
 * A benchmark's targets, printed as figures and enforced loosely: a run fails only when a
 * figure misses its target by more than half again (a shared machine varies; a regression
 * that large does not), so `npm run bench` exits non-zero on a real slowdown.
 */
export const TOLERANCE = 1.5;

export interface Target {
  what: string;
  value: number;
  /** The figure must be at most this (for "nothing lost" targets, 0: any loss fails). */
  atMost: number;
  unit: string;
}

export function targetLine(t: Target, width = 40): string {
  const met = t.value <= t.atMost;
  const figure = Number.isInteger(t.value) ? String(t.value) : t.value.toFixed(t.value < 10 ? 2 : 0);
  return `  ${t.what.padEnd(width)}: ${figure.padStart(6)} ${t.unit}  (target ≤ ${t.atMost} ${t.unit}: ${met ? 'met' : missedBadly(t) ? 'NOT met, by more than 50%' : 'NOT met'})`;
}

export function missedBadly(t: Target): boolean {
  return t.atMost === 0 ? t.value > 0 : t.value > t.atMost * TOLERANCE;
}

/** Throws (failing the benchmark run) when any target is missed by more than 50%. */
export function enforceTargets(targets: Target[]): void {
  const bad = targets.filter(missedBadly);
  if (bad.length > 0) {
    throw new Error(`Benchmark target missed by more than 50%: ${bad.map((t) => `${t.what} ${t.value.toFixed(2)} ${t.unit} (target ≤ ${t.atMost})`).join('; ')}`);
  }
}
