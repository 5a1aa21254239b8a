import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Modal } from './Modal';

interface Props {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onCancel(): void;
  wide?: boolean;
}

/** A modal dialog with a title and actions: focus moves to its first field, Escape cancels. */
export function Dialog({ title, children, actions, onCancel, wide }: Props) {
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.closest('dialog')?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  return (
    <Modal className={wide ? 'dialog wide' : 'dialog'} labelledBy={titleId} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <div ref={body} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">{actions}</div>
    </Modal>
  );
}
