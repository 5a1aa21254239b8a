import type { Coder } from '../model/types';

/** What opening a project does about who is coding. */
export type CoderAtStart = { use: string } | { create: string } | { ask: true };

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Who codes when a project opens: the coder chosen last time in this project; else the
 * coder with the researcher's name; a project nobody has coded yet takes that name as its
 * first coder; a team's project where the name is not among its coders asks.
 */
export function coderAtStart(coders: Pick<Coder, 'id' | 'name'>[], rememberedId: string | null, userName: string | null): CoderAtStart {
  if (rememberedId && coders.some((c) => c.id === rememberedId)) return { use: rememberedId };
  if (!userName?.trim()) return { ask: true };
  const mine = coders.filter((c) => same(c.name, userName));
  // Two coders with the same name (merged from two machines): which one is ours is asked.
  if (mine.length === 1) return { use: mine[0].id };
  if (coders.length === 0) return { create: userName.trim() };
  return { ask: true };
}

/** Colours that tell coders' stripes apart, on white and beside the codes' colours. */
export const CODER_COLORS = ['#2f6f73', '#b3541e', '#5b4aa8', '#2e7d32', '#ad1457', '#1565c0', '#8d6e00', '#6d4c41'];

/** The first coder colour nobody in the project has yet (they repeat past eight coders). */
export function nextCoderColor(coders: Pick<Coder, 'color'>[]): string {
  const used = new Set(coders.map((c) => c.color.toLowerCase()));
  return CODER_COLORS.find((c) => !used.has(c)) ?? CODER_COLORS[coders.length % CODER_COLORS.length];
}
