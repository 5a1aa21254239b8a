import { useEffect, useState, type PointerEvent } from 'react';

/**
 * A pane width the researcher drags (or moves with the arrow keys), remembered between
 * sessions. Returns the width and the handle to put on the pane's edge.
 */
export function usePaneWidth(key: string, initial: number, min: number, max: number) {
  const [width, setWidth] = useState(() => Number(localStorage.getItem(`qda-studio.pane.${key}`)) || initial);
  useEffect(() => localStorage.setItem(`qda-studio.pane.${key}`, String(width)), [key, width]);
  const clamp = (w: number) => Math.max(min, Math.min(max, w));
  return { width, setWidth: (w: number) => setWidth(clamp(w)), clamp };
}

interface Props {
  label: string;
  width: number;
  min: number;
  max: number;
  /** +1 when dragging right (or down) widens the pane (it is on the left, or above), -1 when it narrows it. */
  direction: 1 | -1;
  onChange(width: number): void;
  /** A bar between panes side by side (the default), or between panes one above the other. */
  orientation?: 'vertical' | 'horizontal';
}

export function Splitter({ label, width, min, max, direction, onChange, orientation = 'vertical' }: Props) {
  const across = orientation === 'horizontal';
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const start = across ? e.clientY : e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onChange(Math.max(min, Math.min(max, startWidth + direction * ((across ? ev.clientY : ev.clientX) - start))));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className={across ? 'splitter horizontal' : 'splitter'}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const [less, more] = across ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
        if (e.key === less || e.key === more) {
          e.preventDefault();
          onChange(Math.max(min, Math.min(max, width + direction * (e.key === more ? 24 : -24))));
        }
      }}
    />
  );
}
