import { createContext, useContext, type ReactNode } from 'react';
import { commandById, type Command, type CommandState, type CommandVia } from '@core/app/commands';

/** Runs a command of the registry with the window's state; the keyboard, menu, toolbar and palette all call it. */
export interface Commands {
  state: CommandState;
  /** Runs the command if it can act; `about` narrows the state (a focused codebook row). */
  run(command: Command | string, via: CommandVia, about?: Partial<CommandState>): boolean;
}

const CommandsContext = createContext<Commands | null>(null);

export function CommandsProvider({ value, children }: { value: Commands; children: ReactNode }) {
  return <CommandsContext.Provider value={value}>{children}</CommandsContext.Provider>;
}

export function useCommands(): Commands {
  const ctx = useContext(CommandsContext);
  if (!ctx) throw new Error('useCommands outside CommandsProvider');
  return ctx;
}

export function resolve(command: Command | string): Command | undefined {
  return typeof command === 'string' ? commandById(command) : command;
}

/** Is the researcher typing in a field (letters are text there, not commands)? */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Macs print ⌘ where others print Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
