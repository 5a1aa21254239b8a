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
  /** +1 when dragging right widens the pane (it is on the left), -1 when it narrows it. */
  direction: 1 | -1;
  onChange(width: number): void;
}

export function Splitter({ label, width, min, max, direction, onChange }: Props) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onChange(Math.max(min, Math.min(max, startWidth + direction * (ev.clientX - startX))));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          onChange(Math.max(min, Math.min(max, width + direction * (e.key === 'ArrowRight' ? 24 : -24))));
        }
      }}
    />
  );
}
