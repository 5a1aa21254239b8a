import { createContext, useContext, useEffect, useState } from 'react';
import { onCommittedChanges, type Change } from '@core/db/changes';
import type { Segment } from '@core/model/types';
import { db } from '../db';

/**
 * The segments of the open source: read once, then updated from each committed change
 * (coding, uncoding, undo, redo), so a transcript with 5,000 segments repaints at once.
 */
export function useSourceSegments(sourceId: string): Segment[] | undefined {
  const [segments, setSegments] = useState<Segment[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let loaded = false;
    const early: Segment[][] = [];
    const apply = (list: Segment[], changes: Change[]) => {
      let next = list;
      for (const c of changes) {
        if (c.table !== 'segments') continue;
        const { before, after } = c;
        if (before?.sourceId === sourceId) next = next.filter((s) => s.id !== before.id);
        if (after?.sourceId === sourceId) next = [...next.filter((s) => s.id !== after.id), after];
      }
      return next;
    };
    const stop = onCommittedChanges(db, (_, changes) => {
      if (!changes.some((c) => c.table === 'segments')) return;
      if (!loaded) early.push([]);
      setSegments((list) => (list ? apply(list, changes) : list));
    });
    void db.segments
      .where('sourceId')
      .equals(sourceId)
      .toArray()
      .then((list) => {
        if (!live) return;
        loaded = true;
        setSegments(list);
        // A change committed while loading: read again rather than guess.
        if (early.length)
          void db.segments
            .where('sourceId')
            .equals(sourceId)
            .toArray()
            .then((l) => live && setSegments(l));
      });
    return () => {
      live = false;
      stop();
    };
  }, [sourceId]);
  return segments;
}

/** The open source's segments, for the panes beside the viewer. */
export const SourceSegmentsContext = createContext<Segment[] | null>(null);

export function useOpenSourceSegments(): Segment[] | null {
  return useContext(SourceSegmentsContext);
}
