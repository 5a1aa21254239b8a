import { commandById, MENUS } from '../src/app/commands';
import { acceleratorOf } from '../src/app/keys';
import type { Translator } from '../src/i18n';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

/**
 * The application menu, read from the command registry (src/app/commands) in the researcher's
 * language: an item sends its command's id to the renderer, which runs it as a key would.
 * Cut, copy, paste… are the system's own, already translated.
 */
export function menuTemplate(send: (commandId: string) => void, isMac: boolean, t: Translator): MenuItemTemplate[] {
  return [
    ...(isMac ? [{ role: 'appMenu' }] : []),
    ...MENUS.map((menu) => ({
      label: t(menu.label),
      submenu: menu.entries.map((entry): MenuItemTemplate => {
        if ('separator' in entry) return { type: 'separator' };
        if ('role' in entry) return { role: entry.role === 'quit' && isMac ? 'close' : entry.role };
        const command = commandById(entry.command);
        if (!command) throw new Error(`The menu names a command that does not exist: ${entry.command}`);
        const accelerator = command.keys.map(acceleratorOf).find((a) => a !== null);
        return { label: t(command.label), ...(accelerator ? { accelerator } : {}), click: () => send(command.id) };
      }),
    })),
  ];
}
