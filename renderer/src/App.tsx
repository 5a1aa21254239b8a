import { useState } from 'react';
import { StartScreen } from './views/StartScreen';
import { Workspace } from './views/Workspace';

export function App() {
  const [projectId, setProjectId] = useState<string | null>(null);
  return projectId ? <Workspace projectId={projectId} onClose={() => setProjectId(null)} /> : <StartScreen onOpen={setProjectId} />;
}
