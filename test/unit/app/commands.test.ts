import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, commandById, commandForKey, MENUS, searchCommands, type CommandState, type Workbench } from '../../../src/app/commands';
import { acceleratorOf, keyLabel, matchesKey, type KeyPress } from '../../../src/app/keys';
import { createTranslator, translate } from '../../../src/i18n';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const state = (over: Partial<CommandState> = {}): CommandState => ({
  inProject: true,
  typing: false,
  hasSelection: false,
  hasSegment: false,
  hasLastCode: false,
  hasHits: false,
  codeId: null,
  canUndo: false,
  canRedo: false,
  ...over,
});
function bench(): Workbench & { calls: string[] } {
  const calls: string[] = [];
  return new Proxy({ calls } as Workbench & { calls: string[] }, {
    get: (target, name) => (name === 'calls' ? calls : (...args: unknown[]) => void calls.push([String(name), ...args].join(' '))),
  });
}

describe('a key binding', () => {
  it('matches Ctrl on Windows and ⌘ on a Mac for Mod', () => {
    expect(matchesKey('Mod+K', press('k', { ctrlKey: true }))).toBe(true);
    expect(matchesKey('Mod+K', press('k', { metaKey: true }))).toBe(true);
    expect(matchesKey('Mod+K', press('k'))).toBe(false);
  });

  it('tells Ctrl+Z from Ctrl+Shift+Z, and Alt+← from Alt+Shift+←', () => {
    expect(matchesKey('Mod+Z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKey('Mod+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKey('Alt+ArrowLeft', press('ArrowLeft', { altKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKey('Alt+Shift+ArrowLeft', press('ArrowLeft', { altKey: true, shiftKey: true }))).toBe(true);
  });

  it('takes a plain letter in either case (Caps Lock), and ? however Shift is held to print it', () => {
    expect(matchesKey('C', press('C', { shiftKey: true }))).toBe(true);
    expect(matchesKey('C', press('c'))).toBe(true);
    expect(matchesKey('C', press('c', { ctrlKey: true }))).toBe(false);
    expect(matchesKey('?', press('?', { shiftKey: true }))).toBe(true);
  });

  it('prints as the platform writes it, and becomes a menu accelerator only with a modifier', () => {
    expect(keyLabel('Mod+Shift+P', false)).toBe('Ctrl Shift P');
    expect(keyLabel('Mod+Shift+P', true)).toBe('⇧⌘P');
    expect(keyLabel('Alt+ArrowLeft', false)).toBe('Alt ←');
    expect(acceleratorOf('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('Alt+Shift+ArrowRight')).toBe('Alt+Shift+Right');
    expect(acceleratorOf('V')).toBeNull();
    expect(acceleratorOf('F2')).toBe('F2');
  });
});

describe('the command registry', () => {
  it('gives each command one id, a label in every language, and keys no other command in its scope has', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const seen = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const locale of ['en', 'es', 'pt'] as const) expect(translate(locale, c.label), `${c.id} in ${locale}`).not.toBe(c.label);
      for (const k of c.keys) {
        const where = `${c.scope} ${k}`;
        expect(seen.get(where), `${k} is both ${seen.get(where)} and ${c.id}`).toBeUndefined();
        seen.set(where, c.id);
      }
    }
  });

  it('names only commands that exist in the menus', () => {
    for (const menu of MENUS) for (const e of menu.entries) if ('command' in e) expect(commandById(e.command), e.command).toBeDefined();
  });

  it('lets letters be typed into a field, but Ctrl+K and Ctrl+Shift+P work anywhere', () => {
    const typing = state({ typing: true, hasSelection: true, hasLastCode: true });
    expect(commandForKey(press('l'), typing)).toBeUndefined();
    expect(commandForKey(press('l'), { ...typing, typing: false })?.id).toBe('coding.last-code');
    expect(commandForKey(press('k', { ctrlKey: true }), typing)?.id).toBe('coding.quick-code');
    expect(commandForKey(press('P', { ctrlKey: true, shiftKey: true }), typing)?.id).toBe('help.palette');
  });

  it('lets a key through when its command cannot act (U with no segment selected)', () => {
    expect(commandForKey(press('u'), state())).toBeUndefined();
    expect(commandForKey(press('u'), state({ hasSegment: true }))?.id).toBe('coding.uncode');
  });

  it('keeps the codebook row keys to the codebook', () => {
    expect(commandForKey(press('F2'), state({ codeId: 'c1' }))).toBeUndefined();
    expect(commandForKey(press('F2'), state({ codeId: 'c1' }), 'code-tree')?.id).toBe('code.rename');
    expect(commandForKey(press('F10', { shiftKey: true }), state({ codeId: 'c1' }), 'code-tree')?.id).toBe('code.actions');
  });

  it('moves a segment’s start and end through the workbench', async () => {
    const b = bench();
    const s = state({ hasSegment: true });
    await commandForKey(press('ArrowLeft', { altKey: true }), s)!.run(b, s, 'key');
    await commandForKey(press('ArrowRight', { altKey: true, shiftKey: true }), s)!.run(b, s, 'key');
    expect(b.calls).toEqual(['moveSegmentEdge start -1', 'moveSegmentEdge end 1']);
  });

  it('undoes the typing when the menu’s Undo is chosen in a field, and the project’s last step otherwise', async () => {
    const undo = commandById('edit.undo')!;
    const b = bench();
    await undo.run(b, state({ typing: true }), 'menu');
    await undo.run(b, state({ canUndo: true }), 'menu');
    expect(b.calls).toEqual(['editTyping undo', 'undo']);
  });

  it('acts on the code it is about', () => {
    const b = bench();
    commandById('code.delete')!.run(b, state({ codeId: 'c7' }), 'palette');
    expect(b.calls).toEqual(['deleteCode c7']);
    expect(commandById('code.delete')!.enabled(state())).toBe(false);
  });
});

describe('the command palette', () => {
  const t = createTranslator('es');
  it('finds a command by words of its label, accents aside, in the researcher’s language', () => {
    const found = searchCommands('codigos mostrar', (c) => t(c.label)).map((c) => c.id);
    expect(found).toEqual(['view.codebook']);
    expect(searchCommands('deshacer', (c) => t(c.label)).map((c) => c.id)).toEqual(['edit.undo']);
  });

  it('lists every palette command when nothing is typed, and nothing for nonsense', () => {
    expect(searchCommands('', (c) => t(c.label))).toHaveLength(COMMANDS.filter((c) => c.inPalette).length);
    expect(searchCommands('zzzz', (c) => t(c.label))).toEqual([]);
  });

  it('does not list the palette itself', () => {
    const spy = vi.fn((c: { label: string }) => c.label);
    expect(searchCommands('', spy).some((c) => c.id === 'help.palette')).toBe(false);
  });
});
