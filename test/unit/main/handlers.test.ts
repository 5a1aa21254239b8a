import { describe, expect, it, vi } from 'vitest';
import { createHandlers, registerHandlers, type HandlerDeps } from '../../../main/handlers';
import { menuTemplate } from '../../../main/menu';
import { createTranslator } from '../../../src/i18n';
import { isTrustedUrl, lockNavigation, secureWebPreferences } from '../../../main/window';
import { channelOf } from '../../../src/ipc/contract';
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
  it('imports a file sent by the renderer with the shared importer', async () => {
    const { deps } = fakes();
    const result = await createHandlers(deps).importSource({ name: 'ARIII_phone.txt', bytes: utf8('E: Hola\nARIII: Buenas\nE: ¿Y?\nARIII: Sí') });
    expect(result.ok).toBe(true);
  });

  it('reads the files the researcher picks in the native dialog', async () => {
    const { deps } = fakes({ '/datos/ARIII_phone.txt': utf8('Texto'), 'C:\\datos\\DRI.txt': utf8('Otro') });
    const picked = await createHandlers(deps).pickSourceFiles();
    expect(picked.map((f) => [f.name, f.size])).toEqual([
      ['ARIII_phone.txt', 5],
      ['DRI.txt', 4],
    ]);
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

  it('registers every bridge method and refuses calls from pages that are not the app', async () => {
    const { deps, handlers } = fakes();
    registerHandlers(deps);
    expect([...handlers.keys()].sort()).toEqual([channelOf('importSource'), channelOf('pickSourceFiles'), channelOf('saveFile')].sort());
    const importHandler = handlers.get(channelOf('importSource'))!;
    expect(() => importHandler({ senderFrame: { url: 'https://evil.example/' } }, { name: 'a.txt', bytes: utf8('x') })).toThrow('untrusted page');
    await expect(importHandler({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, { name: 'a.txt', bytes: utf8('Hola mundo') })).resolves.toMatchObject({ ok: true });
  });
});

describe('window security', () => {
  it('isolates and sandboxes pages, with no Node integration', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
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

  it('menu items send commands to the renderer', () => {
    const sent: string[] = [];
    const file = menuTemplate((c) => sent.push(c), false, createTranslator('en'))[0];
    file.submenu!.find((i) => i.label === 'Import Sources…')!.click!();
    expect(sent).toEqual(['import-sources']);
  });

  it('the menu speaks the researcher’s language', () => {
    const [file, edit] = menuTemplate(() => undefined, false, createTranslator('es'));
    expect(file.label).toBe('Archivo');
    expect(edit.submenu!.map((i) => i.label).filter(Boolean)).toEqual(['Deshacer', 'Rehacer']);
  });
});
