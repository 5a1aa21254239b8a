import { useEffect, useState } from 'react';
import { bridge } from './bridge';
import { listenForClose } from './exchange/useAutoBackup';
import { ViewBoundary } from './components/ViewBoundary';
import { db } from './db';
import { StartScreen } from './views/StartScreen';
import { Workspace } from './views/Workspace';

/** The project open in this window: a reload (or a crash and restart of the tab) comes back to it. */
const OPEN_KEY = 'qda.openProject';

export function App() {
  const [projectId, setProjectIdState] = useState<string | null>(() => sessionStorage.getItem(OPEN_KEY));
  const setProjectId = (id: string | null) => {
    if (id) sessionStorage.setItem(OPEN_KEY, id);
    else sessionStorage.removeItem(OPEN_KEY);
    setProjectIdState(id);
  };
  // A project deleted meanwhile (in another window) is not reopened.
  useEffect(() => {
    if (projectId) void db.projects.get(projectId).then((p) => (!p || p.deletedAt) && setProjectId(null));
  }, [projectId]);
  // File › New Project… (Electron menu) goes back to the start screen, where projects are made.
  useEffect(() => bridge.onMenuCommand((command) => command === 'project.new' && setProjectId(null)), []);
  useEffect(() => listenForClose(), []);
  return (
    <ViewBoundary key={projectId ?? 'start'} onBack={() => setProjectId(null)} backTo="projects">
      {projectId ? <Workspace projectId={projectId} onClose={() => setProjectId(null)} onOpen={setProjectId} /> : <StartScreen onOpen={setProjectId} />}
    </ViewBoundary>
  );
}
