import type { WordLanguage } from '../analysis/languages';
import { PARTITION_SIZE } from './partition';

/** A stored partition as the plan sees it: which sources it indexes, as they were when it was built. */
export interface PartitionEntry {
  id: string;
  language: WordLanguage | null;
  /** sourceId → the source's fingerprint when the partition was built. */
  fingerprints: Record<string, string>;
}

/** A source as it is now. */
export interface SourceState {
  id: string;
  language: WordLanguage | null;
  fingerprint: string;
}

export interface IndexPlan {
  /** Partitions that stand as they are. */
  keep: string[];
  /** Partitions to build (an id of a stored one to replace it, or a new id), with their sources. */
  build: { id: string; language: WordLanguage | null; sourceIds: string[] }[];
  /** Partitions to delete: all their sources are gone. */
  drop: string[];
}

/**
 * What to rebuild after sources were imported, edited or deleted: only the partitions that
 * hold a changed or deleted source, and those that take new sources (new sources join a
 * partition already being rebuilt, else the emptiest one of their language, else a new one).
 */
export function planIndex(stored: PartitionEntry[], now: SourceState[], newId: () => string, size = PARTITION_SIZE): IndexPlan {
  const current = new Map(now.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const keep: string[] = [];
  const drop: string[] = [];
  const parts: { id: string; language: WordLanguage | null; sourceIds: string[]; dirty: boolean }[] = [];
  for (const p of stored) {
    const ids = Object.keys(p.fingerprints);
    // A source can be in one partition only: a second stored claim (a write cut short) is dropped here.
    const still = ids.filter((id) => current.get(id)?.language === p.language && !placed.has(id));
    const dirty = still.length !== ids.length || still.some((id) => current.get(id)!.fingerprint !== p.fingerprints[id]);
    still.forEach((id) => placed.add(id));
    if (!still.length) drop.push(p.id);
    else parts.push({ id: p.id, language: p.language, sourceIds: still, dirty });
  }
  for (const s of now) {
    if (placed.has(s.id)) continue;
    const ofLanguage = parts.filter((p) => p.language === s.language && p.sourceIds.length < size);
    const target = ofLanguage.find((p) => p.dirty) ?? ofLanguage.sort((a, b) => a.sourceIds.length - b.sourceIds.length)[0];
    if (target) {
      target.sourceIds.push(s.id);
      target.dirty = true;
    } else parts.push({ id: newId(), language: s.language, sourceIds: [s.id], dirty: true });
    placed.add(s.id);
  }
  const build = parts.filter((p) => p.dirty).map(({ id, language, sourceIds }) => ({ id, language, sourceIds }));
  for (const p of parts) if (!p.dirty) keep.push(p.id);
  return { keep, build, drop };
}

/**
 * What a source's index entry depends on: its text and turns, and the names a filter may
 * narrow by (source, kind, cases). A change to any of them rebuilds its partition.
 */
export function sourceFingerprint(parts: {
  text: string;
  turns: { speaker: string; start: number; end: number }[];
  paragraphs: number;
  name: string;
  kind: string;
  language: string;
  caseNames: string[];
}): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0xff, 0x01000193);
  };
  add(parts.text);
  add(parts.turns.map((t) => `${t.speaker}@${t.start}-${t.end}`).join('|'));
  add([parts.paragraphs, parts.name, parts.kind, parts.language, ...parts.caseNames].join('\u0001'));
  return `${parts.text.length.toString(36)}-${(h1 >>> 0).toString(36)}-${(h2 >>> 0).toString(36)}`;
}
