import { useMemo, useState } from 'react';
import { searchCommands } from '@core/app/commands';
import { keyLabel } from '@core/app/keys';
import { useI18n } from '../i18n';
import { isMac, useCommands } from './CommandsContext';
import { Modal } from '../components/Modal';
import { PaletteInput } from '../components/PaletteInput';

/** Ctrl+Shift+P: every command by name, with its shortcut; Enter runs the one chosen. */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => searchCommands(query, (c) => t(c.label)), [query, t]);
  const choose = (i: number) => {
    const command = items[i];
    if (!command || !command.enabled(commands.state)) return;
    onClose();
    commands.run(command, 'palette');
  };
  return (
    <Modal className="palette" label={t('command.palette')} onCancel={onClose} closeOnOutsideClick>
      <PaletteInput
        listId="command-list"
        label={t('command.paletteInput')}
        placeholder={t('command.paletteInput')}
        query={query}
        onQuery={setQuery}
        active={active}
        setActive={setActive}
        count={items.length}
        onChoose={choose}
        onClose={onClose}
      />
      <ul id="command-list" role="listbox" aria-label={t('command.palette')}>
        {items.map((command, i) => {
          const enabled = command.enabled(commands.state);
          return (
            <li
              key={command.id}
              id={`command-list-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!enabled}
              className={[i === active ? 'active' : '', enabled ? '' : 'disabled'].join(' ').trim() || undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
            >
              <span className="command-label">
                {t(command.label)}
                {!enabled && <span className="hint"> · {t('command.unavailable')}</span>}
              </span>
              {command.keys.length > 0 && <kbd>{command.keys.map((k) => keyLabel(k, isMac)).join('  ·  ')}</kbd>}
            </li>
          );
        })}
      </ul>
      {items.length === 0 && <p className="hint">{t('command.none')}</p>}
    </Modal>
  );
}
