import type { Translator } from '../src/i18n';
import type { MenuCommand } from '../src/ipc/contract';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

/**
 * The application menu in the researcher's language; items that act on data send a
 * command to the renderer (cut, copy, paste… are the system's own, already translated).
 */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean, t: Translator): MenuItemTemplate[] {
  return [
    ...(isMac ? [{ role: 'appMenu' }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.newProject'), accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-project') },
        { label: t('menu.importSources'), accelerator: 'CmdOrCtrl+I', click: () => send('import-sources') },
        { type: 'separator' },
        { label: t('menu.closeProject'), accelerator: 'CmdOrCtrl+Shift+W', click: () => send('close-project') },
        { type: 'separator' },
        { role: isMac ? 'close' : 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      // Undo and redo go to the renderer: it undoes typing in a field, or the last project change.
      submenu: [
        { label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: t('menu.redo'), accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.sources'), accelerator: 'CmdOrCtrl+1', click: () => send('show-sources') },
        { label: t('menu.cases'), accelerator: 'CmdOrCtrl+2', click: () => send('show-cases') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
