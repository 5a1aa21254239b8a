import { COMMANDS, WIDGET_KEYS } from '@core/app/commands';
import { keyLabel } from '@core/app/keys';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';
import { isMac } from './CommandsContext';

/** Every shortcut, read from the command registry (opened with ? or from the palette). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const keys = (bindings: string[]) => bindings.map((k) => keyLabel(k, isMac)).join('  ·  ');
  return (
    <Dialog title={t('keys.title')} onCancel={onClose} actions={<button onClick={onClose}>{t('common.close')}</button>}>
      <table className="grid shortcuts">
        <tbody>
          <tr>
            <th colSpan={2}>{t('keys.commands')}</th>
          </tr>
          {COMMANDS.filter((c) => c.keys.length > 0).map((c) => (
            <tr key={c.id}>
              <td>
                <kbd>{keys(c.keys)}</kbd>
              </td>
              <td>{t(c.label)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>{t('keys.inText')}</th>
          </tr>
          {WIDGET_KEYS.map((w) => (
            <tr key={w.label}>
              <td>
                <kbd>{keys(w.keys)}</kbd>
              </td>
              <td>{t(w.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('keys.mouse')}</p>
    </Dialog>
  );
}
