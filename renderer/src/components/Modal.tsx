import { useLayoutEffect, useRef, type MouseEvent, type ReactNode } from 'react';

interface Props {
  className: string;
  /** The dialog's name: a label, or the id of its heading. */
  label?: string;
  labelledBy?: string;
  onCancel(): void;
  /** Palettes close on a click outside them; dialogs that hold work do not. */
  closeOnOutsideClick?: boolean;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the page behind is inert, so Tab stays inside and screen readers
 * read only the dialog; Escape cancels; focus goes back where it was when it closes.
 */
export function Modal({ className, label, labelledBy, onCancel, closeOnOutsideClick, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      // Closed while still in the page (a layout effect's cleanup), so the page is live again at once.
      dialog.close();
      if (before instanceof HTMLElement && before.isConnected && !document.querySelector('dialog[open]')) before.focus();
    };
  }, []);
  const outside = (e: MouseEvent<HTMLDialogElement>) => {
    if (!closeOnOutsideClick || e.target !== e.currentTarget) return;
    // A click on the backdrop lands on the dialog itself, outside its box.
    const box = e.currentTarget.getBoundingClientRect();
    if (e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom) onCancel();
  };
  return (
    <dialog
      ref={ref}
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        // The dialog leaves when React unmounts it, not on its own.
        e.preventDefault();
        onCancel();
      }}
      onMouseDown={outside}
    >
      {children}
    </dialog>
  );
}
