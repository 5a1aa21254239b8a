/**
 * A key binding: "Mod+Shift+P", "Alt+ArrowLeft", "C", "?", "F2". "Mod" is Ctrl on Windows
 * and Linux and ⌘ on a Mac.
 */
export type KeyBinding = string;

/** What a keydown says (a KeyboardEvent has these fields). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Parsed {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(binding: KeyBinding): Parsed {
  const parts = binding.split('+');
  const key = parts.pop() ?? '';
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

/**
 * Does this keydown press this binding? A plain letter matches in either case (Caps Lock);
 * a printed symbol such as "?" already says whether Shift was held. Mod accepts Ctrl or ⌘,
 * so a Mac keyboard on Linux still works.
 */
export function matchesKey(binding: KeyBinding, press: KeyPress): boolean {
  const b = parse(binding);
  if (b.mod !== (press.ctrlKey || press.metaKey) || b.alt !== press.altKey) return false;
  const symbol = b.key.length === 1 && !isLetter(b.key);
  const plainLetter = isLetter(b.key) && !b.mod && !b.alt;
  if (plainLetter ? b.shift && !press.shiftKey : !symbol && b.shift !== press.shiftKey) return false;
  return b.key.length === 1 ? press.key.toLowerCase() === b.key.toLowerCase() : press.key === b.key;
}

const KEY_NAMES: Record<string, [other: string, mac: string]> = {
  ArrowLeft: ['←', '←'],
  ArrowRight: ['→', '→'],
  ArrowUp: ['↑', '↑'],
  ArrowDown: ['↓', '↓'],
  Escape: ['Esc', 'Esc'],
  Delete: ['Delete', '⌦'],
  Enter: ['Enter', '↩'],
  ContextMenu: ['Menu', 'Menu'],
};

/** The binding as the help, the palette and the tooltips print it: "Ctrl Shift P", "⌘⇧P". */
export function keyLabel(binding: KeyBinding, isMac: boolean): string {
  const b = parse(binding);
  const key = KEY_NAMES[b.key]?.[isMac ? 1 : 0] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  if (isMac) return `${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}${b.mod ? '⌘' : ''}${key}`;
  return [b.mod ? 'Ctrl' : '', b.alt ? 'Alt' : '', b.shift ? 'Shift' : '', key].filter(Boolean).join(' ');
}

/**
 * The binding as an Electron menu accelerator, or null when it has no modifier: a menu
 * accelerator on a plain letter would swallow that letter while the researcher types.
 */
export function acceleratorOf(binding: KeyBinding): string | null {
  const b = parse(binding);
  if (!b.mod && !(b.alt && b.key.length > 1)) return /^F\d+$/.test(b.key) ? b.key : null;
  const key = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc' }[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  return [b.mod ? 'CmdOrCtrl' : '', b.alt ? 'Alt' : '', b.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
