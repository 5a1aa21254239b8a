import { describe, expect, it, vi } from 'vitest';
import { createHandlers, registerHandlers, type HandlerDeps } from '../../../main/handlers';
import { menuTemplate } from '../../../main/menu';
import { createTranslator } from '../../../src/i18n';
import { isTrustedUrl, lockNavigation, permissionAllowed, secureWebPreferences } from '../../../main/window';
import { appFileFor } from '../../../main/app-protocol';
import { channelOf, type BridgeMethod } from '../../../src/ipc/contract';
import { utf8 } from '../helpers';

/** Fakes for Electron's ipcMain and dialog and for the file system. */
function fakes(files: Record<string, Uint8Array> = {}) {
  const handlers = new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown>();
  const written: Record<string, Uint8Array> = {};
  const deps: HandlerDeps = {
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: Object.keys(files) })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ana/Tabla 1.docx' })),
    },
    fs: {
      readFile: async (p) => files[p],
      writeFile: async (p, b) => void (written[p] = b),
      stat: async (p) => ({ size: files[p].length, isFile: () => true }),
    },
    isTrustedUrl: (url) => isTrustedUrl(url, undefined),
    t: createTranslator('en'),
  };
  return { deps, handlers, written };
}

describe('the main process bridge handlers', () => {
  it('picks one project file in the system dialog, offering .qdpx and .qde, and reads it once by id', async () => {
    const { deps } = fakes({ '/home/ana/Visitas.qdpx': utf8('PK') });
    const handlers = createHandlers(deps);
    const picked = await handlers.pickExchangeFile('project');
    expect(picked).toMatchObject({ name: 'Visitas.qdpx', size: 2 });
    expect(vi.mocked(deps.dialog.showOpenDialog).mock.calls[0][0].filters[0].extensions).toEqual(['qdpx', 'qde']);
    expect(new TextDecoder().decode(await handlers.readPickedFile(picked!.id))).toBe('PK');
    await expect(handlers.readPickedFile(picked!.id)).rejects.toThrow(/not picked, or was read already/);
  });

  it('imports a file sent by the renderer with the shared importer', async () => {
    const { deps } = fakes();
    const result = await createHandlers(deps).importSource({ name: 'ARIII_phone.txt', bytes: utf8('E: Hola\nARIII: Buenas\nE: ¿Y?\nARIII: Sí') });
    expect(result.ok).toBe(true);
  });

  it('names the files the researcher picks and reads each one only when the import asks for it', async () => {
    const { deps } = fakes({ '/datos/ARIII_phone.txt': utf8('Texto'), 'C:\\datos\\DRI.txt': utf8('Otro') });
    const reads: string[] = [];
    const readFile = deps.fs.readFile;
    deps.fs.readFile = async (p) => (reads.push(p), readFile(p));
    const h = createHandlers(deps);
    const picked = await h.pickSourceFiles();
    expect(picked.map((f) => [f.name, f.size])).toEqual([
      ['ARIII_phone.txt', 5],
      ['DRI.txt', 4],
    ]);
    expect(reads).toEqual([]);
    expect(new TextDecoder().decode(await h.readPickedFile(picked[1].id))).toBe('Otro');
    expect(reads).toEqual(['C:\\datos\\DRI.txt']);
    // Only a picked file, once; never a path or an id made up by the page.
    await expect(h.readPickedFile(picked[1].id)).rejects.toThrow('was not picked, or was read already');
    await expect(h.readPickedFile('/etc/passwd')).rejects.toThrow('expects the id of a picked file');
  });

  it('saves exported bytes where the researcher chose', async () => {
    const { deps, written } = fakes();
    const result = await createHandlers(deps).saveFile({ suggestedName: 'Tabla 1.docx', bytes: new Uint8Array([1, 2]), filterName: 'Word', extensions: ['docx'] });
    expect(result).toEqual({ saved: true, where: '/home/ana/Tabla 1.docx' });
    expect(written['/home/ana/Tabla 1.docx']).toEqual(new Uint8Array([1, 2]));
  });

  it('validates arguments: a request without bytes is refused', async () => {
    const { deps } = fakes();
    const h = createHandlers(deps);
    await expect(h.importSource({ name: 'x.txt', bytes: 'not bytes' } as never)).rejects.toThrow('bytes must be a Uint8Array');
    await expect(h.importSource({ name: '', bytes: new Uint8Array() } as never)).rejects.toThrow('name must be a file name');
    await expect(h.saveFile({ suggestedName: 'x', bytes: new Uint8Array(), filterName: 'W', extensions: ['../evil'] })).rejects.toThrow('extensions');
  });

  it('refuses a page that asks to raise or remove the size limit', async () => {
    const h = createHandlers(fakes().deps);
    for (const maxBytes of [Infinity, 1e12, NaN, -1]) {
      await expect(h.importSource({ name: 'x.txt', bytes: utf8('hola'), options: { maxBytes } })).rejects.toThrow('options.maxBytes must be a number of bytes up to');
    }
    await expect(h.importSource({ name: 'x.txt', bytes: utf8('hola mundo'), options: { maxBytes: 1024 } })).resolves.toMatchObject({ ok: true });
  });

  it('registers every bridge method and refuses calls from pages that are not the app', async () => {
    const { deps, handlers } = fakes();
    registerHandlers(deps);
    expect([...handlers.keys()].sort()).toEqual(
      ['importSource', 'pickSourceFiles', 'pickExchangeFile', 'readPickedFile', 'saveFile', 'backupProject', 'listBackups', 'readBackup', 'readyToClose']
        .map((m) => channelOf(m as BridgeMethod))
        .sort(),
    );
    const importHandler = handlers.get(channelOf('importSource'))!;
    expect(() => importHandler({ senderFrame: { url: 'https://evil.example/' } }, { name: 'a.txt', bytes: utf8('x') })).toThrow('untrusted page');
    // Not a file:// page either: any file on disk could be one.
    expect(() => importHandler({ senderFrame: { url: 'file:///home/ana/Descargas/trampa.html' } }, { name: 'a.txt', bytes: utf8('x') })).toThrow('untrusted page');
    await expect(importHandler({ senderFrame: { url: 'app://qda/index.html' } }, { name: 'a.txt', bytes: utf8('Hola mundo') })).resolves.toMatchObject({ ok: true });
  });
});

describe('window security', () => {
  it('isolates and sandboxes pages, with no Node integration', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' });
  });

  it('blocks navigation away from the app and every new window', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    lockNavigation({ on: (ev, l) => void (listeners[ev] = l), setWindowOpenHandler: (h) => void (openHandler = h) }, () => 'file:///app/index.html');
    const prevent = vi.fn();
    listeners['will-navigate']({ preventDefault: prevent }, 'https://example.org/');
    expect(prevent).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('grants a page no permission but writing the clipboard, and only to the app', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'clipboard-read', 'display-capture'])
      expect(permissionAllowed(p, 'app://qda/index.html', undefined)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://qda/index.html', undefined)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', undefined)).toBe(false);
  });

  it('serves the app from app://qda/ and nothing outside the built pages', () => {
    const root = '/opt/qda/out/renderer';
    expect(appFileFor('app://qda/', root)).toEqual({ path: '/opt/qda/out/renderer/index.html', type: 'text/html; charset=utf-8' });
    expect(appFileFor('app://qda/assets/index-1a2b.js', root)?.type).toBe('text/javascript; charset=utf-8');
    // Dots in the URL are resolved by the URL itself, inside the app's folder.
    expect(appFileFor('app://qda/../../../etc/passwd', root)?.path).toBe('/opt/qda/out/renderer/etc/passwd');
    expect(appFileFor('app://qda/%2e%2e/%2e%2e/etc/passwd', root)?.path).toBe('/opt/qda/out/renderer/etc/passwd');
    for (const evil of [
      'app://qda/..%2f..%2fsecret',
      'app://qda/%2e%2e%5c%2e%2e%5csecret',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://qda/%00',
      'app://qda/%E0%A4%A',
    ]) {
      expect(appFileFor(evil, root)).toBeNull();
    }
  });

  it('menu items send commands to the renderer', () => {
    const sent: string[] = [];
    const file = menuTemplate((c) => sent.push(c), false, createTranslator('en'))[0];
    file.submenu!.find((i) => i.label === 'Import sources…')!.click!();
    expect(sent).toEqual(['sources.import']);
  });

  it('the menu speaks the researcher’s language', () => {
    const [file, edit] = menuTemplate(() => undefined, false, createTranslator('es'));
    expect(file.label).toBe('Archivo');
    expect(edit.submenu!.map((i) => i.label).filter(Boolean)).toEqual(['Deshacer', 'Rehacer']);
  });

  it('the menu shows each command’s own shortcut, and never takes a plain letter from typing', () => {
    const menus = menuTemplate(() => undefined, false, createTranslator('en'));
    const items = menus.flatMap((m) => m.submenu ?? []);
    expect(items.find((i) => i.label === 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(items.find((i) => i.label === 'Redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(items.find((i) => i.label === 'Show cases')?.accelerator).toBe('CmdOrCtrl+2');
    // "Code the selection" is Ctrl+K and C: the menu carries Ctrl+K, not C.
    expect(items.find((i) => i.label?.startsWith('Code the selection:'))?.accelerator).toBe('CmdOrCtrl+K');
    expect(items.find((i) => i.label?.startsWith('In-vivo'))?.accelerator).toBeUndefined();
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Code', 'Search', 'Team', 'Help']);
  });
});

describe('the packaged app', () => {
  it('is built with Electron’s fuses set against running it as something else', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(pkg.build.asar).toBe(true);
  });
});
