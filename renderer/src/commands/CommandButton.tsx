import type { ReactNode } from 'react';
import { commandById } from '@core/app/commands';
import { keyLabel } from '@core/app/keys';
import { useI18n } from '../i18n';
import { isMac, useCommands } from './CommandsContext';

/** A toolbar button for a command: its label, its shortcut in the tooltip, enabled as the command is. */
export function CommandButton({ id, children, title, className }: { id: string; children?: ReactNode; title?: string; className?: string }) {
  const { t } = useI18n();
  const commands = useCommands();
  const command = commandById(id);
  if (!command) throw new Error(`No command ${id}`);
  const label = t(command.label);
  const key = command.keys[0] ? ` (${keyLabel(command.keys[0], isMac)})` : '';
  return (
    <button className={className} onClick={() => commands.run(command, 'button')} disabled={!command.enabled(commands.state)} aria-label={label} title={`${title ?? label}${key}`}>
      {children ?? label}
    </button>
  );
}
