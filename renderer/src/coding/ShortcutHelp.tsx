import type { MessageKey } from '@core/i18n';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';

/** Every coding action and its key, in one place (opened with ?). */
export const SHORTCUTS: [keys: string, action: MessageKey][] = [
  ['Ctrl K  ·  C', 'keys.palette'],
  ['L', 'keys.last'],
  ['V', 'keys.inVivo'],
  ['U', 'keys.uncode'],
  ['Alt ← →', 'keys.moveStart'],
  ['Alt Shift ← →', 'keys.moveEnd'],
  ['M', 'keys.memo'],
  ['Ctrl Z', 'keys.undo'],
  ['Ctrl Shift Z  ·  Ctrl Y', 'keys.redo'],
  ['Shift ← → ↑ ↓', 'keys.extend'],
  ['Home  ·  End', 'keys.ends'],
  ['↑ ↓ ← →  ·  Enter  ·  F2  ·  Delete  ·  Shift F10', 'keys.tree'],
  ['Esc', 'keys.escape'],
  ['?', 'keys.help'],
];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('keys.title')} onCancel={onClose} actions={<button onClick={onClose}>{t('common.close')}</button>}>
      <table className="grid shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={action}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('keys.mouse')}</p>
    </Dialog>
  );
}
