import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, MENU_CHANNEL, type MenuCommand, type QdaBridge } from '../src/ipc/contract';

// Only these functions cross into the page; ipcRenderer itself never does.
const bridge = {
  platform: 'electron',
  importSource: (request) => ipcRenderer.invoke(channelOf('importSource'), request),
  pickSourceFiles: () => ipcRenderer.invoke(channelOf('pickSourceFiles')),
  pickExchangeFile: (kind) => ipcRenderer.invoke(channelOf('pickExchangeFile'), kind),
  readPickedFile: (id) => ipcRenderer.invoke(channelOf('readPickedFile'), id),
  saveFile: (request) => ipcRenderer.invoke(channelOf('saveFile'), request),
  backupProject: (request) => ipcRenderer.invoke(channelOf('backupProject'), request),
  listBackups: () => ipcRenderer.invoke(channelOf('listBackups')),
  readBackup: (id) => ipcRenderer.invoke(channelOf('readBackup'), id),
  readyToClose: () => ipcRenderer.invoke(channelOf('readyToClose')),
  onMenuCommand(listener) {
    const wrapped = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
} satisfies QdaBridge;

contextBridge.exposeInMainWorld('qda', bridge);
