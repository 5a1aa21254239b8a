import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MENU_CHANNEL } from '../src/ipc/contract';
import { registerHandlers, type HandlerDeps } from './handlers';
import { menuTemplate } from './menu';
import { createTranslator, pickLocale } from '../src/i18n';
import { isTrustedUrl, lockNavigation, secureWebPreferences } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'QDA Studio',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/preload.cjs')),
  });
  lockNavigation(win.webContents, () => win.webContents.getURL());
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

app.whenReady().then(() => {
  // Menus and system dialogs follow the system's language (the pages have their own picker).
  const t = createTranslator(pickLocale([app.getLocale()]));
  registerHandlers({
    ipcMain: ipcMain as unknown as HandlerDeps['ipcMain'],
    dialog: {
      showOpenDialog: (o) => dialog.showOpenDialog(o as Electron.OpenDialogOptions),
      showSaveDialog: (o) => dialog.showSaveDialog(o),
    },
    fs: { readFile: async (p) => new Uint8Array(await readFile(p)), writeFile: (p, b) => writeFile(p, b), stat },
    isTrustedUrl: (url) => isTrustedUrl(url, devServerUrl),
    t,
  });
  const win = createWindow();
  const send = (command: string) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_CHANNEL, command) ?? win.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin', t) as Electron.MenuItemConstructorOptions[]));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
