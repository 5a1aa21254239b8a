import { useEffect, useState } from 'react';
import { bridge } from './bridge';
import { StartScreen } from './views/StartScreen';
import { Workspace } from './views/Workspace';

export function App() {
  const [projectId, setProjectId] = useState<string | null>(null);
  // File › New Project… (Electron menu) goes back to the start screen, where projects are made.
  useEffect(() => bridge.onMenuCommand((command) => command === 'new-project' && setProjectId(null)), []);
  return projectId ? <Workspace projectId={projectId} onClose={() => setProjectId(null)} /> : <StartScreen onOpen={setProjectId} />;
}
