import { useEffect, useMemo, useState } from 'react';
import { applyToCountIndex, buildCountIndex, countsFromIndex, type CountIndex } from '@core/coding/count-index';
import type { CodeCount } from '@core/coding/counts';
import { onCommittedChanges } from '@core/db/changes';
import type { Code } from '@core/model/types';
import { db } from '../db';

/**
 * The codebook's counts: read once when the project opens, then updated from each
 * committed change, so coding in a project of 50,000 segments does not re-read them all.
 */
export function useCodeCounts(projectId: string, codes: Code[]): Map<string, CodeCount> {
  const [index, setIndex] = useState<CountIndex>(new Map());
  useEffect(() => {
    let live = true;
    const pending: Parameters<typeof applyToCountIndex>[1][] = [];
    let loaded = false;
    const stop = onCommittedChanges(db, (p, changes) => {
      if (p !== projectId) return;
      if (!loaded) pending.push(changes);
      else setIndex((i) => applyToCountIndex(i, changes));
    });
    void db.segments
      .where('projectId')
      .equals(projectId)
      .toArray()
      .then((segments) => {
        if (!live) return;
        loaded = true;
        setIndex(pending.reduce((i, c) => applyToCountIndex(i, c), buildCountIndex(segments)));
      });
    return () => {
      live = false;
      stop();
    };
  }, [projectId]);
  return useMemo(() => countsFromIndex(index, codes), [index, codes]);
}
