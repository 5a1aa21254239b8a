import { ALL_CODERS, type CoderView } from '@core/coding/coder-view';
import { useEffect, useState } from 'react';

const key = (projectId: string) => `qda-studio.coderView.${projectId}`;

function read(projectId: string | undefined): CoderView {
  if (!projectId) return ALL_CODERS;
  try {
    const stored = JSON.parse(localStorage.getItem(key(projectId)) ?? 'null') as Partial<CoderView> | null;
    return { coderIds: Array.isArray(stored?.coderIds) ? stored.coderIds.filter((x) => typeof x === 'string') : [], mineVsTheirs: stored?.mineVsTheirs === true };
  } catch {
    return ALL_CODERS;
  }
}

/** Whose coding the viewer shows, kept per project on this machine (it is a way of looking, not data). */
export function useCoderView(projectId: string | undefined): [CoderView, (view: CoderView) => void] {
  const [view, setView] = useState(() => read(projectId));
  useEffect(() => setView(read(projectId)), [projectId]);
  return [
    view,
    (next) => {
      setView(next);
      if (projectId) localStorage.setItem(key(projectId), JSON.stringify(next));
    },
  ];
}
