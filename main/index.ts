import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BEFORE_CLOSE, MENU_CHANNEL } from '../src/ipc/contract';
import { backupsFolder } from './backups';
import { APP_ORIGIN, APP_SCHEME, appFileFor } from './app-protocol';
import { registerHandlers, type HandlerDeps } from './handlers';
import { createThreadImporter } from './importer';
import { menuTemplate } from './menu';
import { createTranslator, pickLocale } from '../src/i18n';
import { isTrustedUrl, lockNavigation, permissionAllowed, secureWebPreferences } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(import.meta.dirname, '../renderer');

// A separate profile (its own store and its own single-instance lock) for a portable copy or a test run.
if (process.env.QDA_STUDIO_USER_DATA) app.setPath('userData', process.env.QDA_STUDIO_USER_DATA);

// One app, one store: a second launch focuses the window already open (two app instances
// writing one IndexedDB would each keep their own idea of the project).
if (!app.requestSingleInstanceLock()) app.quit();

// Before the app is ready: app:// behaves as a secure, standard origin (IndexedDB, workers, fetch).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

let mainWindow: BrowserWindow | null = null;
let closeAllowed = false;

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
  else void win.loadURL(`${APP_ORIGIN}/index.html`);
  win.on('closed', () => mainWindow === win && (mainWindow = null));
  // Before the window closes, the open project is backed up: the page is asked, and answers
  // with readyToClose once the backup is written (or after 20 seconds, whatever happens).
  win.on('close', (event) => {
    if (closeAllowed) return;
    event.preventDefault();
    win.webContents.send(MENU_CHANNEL, BEFORE_CLOSE);
    setTimeout(() => {
      closeAllowed = true;
      win.close();
    }, 20_000);
  });
  return win;
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFileFor(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file.path).toString()).then((r) => new Response(r.body, { status: r.status, headers: { 'content-type': file.type } }));
  });
  // Every permission a page could ask for is refused but writing the clipboard.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(permissionAllowed(permission, contents.getURL(), devServerUrl)));
  session.defaultSession.setPermissionCheckHandler((contents, permission) => permissionAllowed(permission, contents?.getURL() ?? '', devServerUrl));
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
    importer: createThreadImporter(join(import.meta.dirname, 'import-worker.js')),
    backups: backupsFolder(join(app.getPath('userData'), 'backups'), {
      mkdir,
      readdir,
      writeFile: (p, b) => writeFile(p, b),
      readFile: async (p) => new Uint8Array(await readFile(p)),
      unlink,
      stat,
      rename,
    }),
    readyToClose: () => {
      closeAllowed = true;
      mainWindow?.close();
    },
  });
  mainWindow = createWindow();
  const send = (command: string) => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin', t) as Electron.MenuItemConstructorOptions[]));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
