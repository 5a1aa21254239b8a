import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';

/** Asks before an action that deletes or moves something: Cancel, or the action named on its button. */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  onConfirm(): Promise<void> | void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button onClick={onCancel}>{t('common.cancel')}</button>
          <button className="danger" onClick={() => void onConfirm()}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
