import type { MenuCommand } from '../src/ipc/contract';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

/** The application menu; items that act on data send a command to the renderer. */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemTemplate[] {
  return [
    ...(isMac ? [{ role: 'appMenu' }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-project') },
        { label: 'Import Sources…', accelerator: 'CmdOrCtrl+I', click: () => send('import-sources') },
        { type: 'separator' },
        { label: 'Close Project', accelerator: 'CmdOrCtrl+Shift+W', click: () => send('close-project') },
        { type: 'separator' },
        { role: isMac ? 'close' : 'quit' },
      ],
    },
    {
      label: 'Edit',
      // Undo and redo go to the renderer: it undoes typing in a field, or the last project change.
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Sources', accelerator: 'CmdOrCtrl+1', click: () => send('show-sources') },
        { label: 'Cases', accelerator: 'CmdOrCtrl+2', click: () => send('show-cases') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
