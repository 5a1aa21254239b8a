import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Lists longer than this draw only the rows in view (and a few around them). */
const ALL_ROWS_UP_TO = 150;

/**
 * The rows of a long list or table to draw now, with the space to leave above and below
 * them, so a 500-source project or a 500-case matrix scrolls as lightly as ten rows do.
 * `measure` goes on each row's element when rows vary in height.
 */
export function useVisibleRows(count: number, scroller: RefObject<HTMLElement | null>, rowHeight: number) {
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const virtual = count > ALL_ROWS_UP_TO;
  const items = virtual ? virtualizer.getVirtualItems() : Array.from({ length: count }, (_, index) => ({ index, start: 0, end: 0 }));
  return {
    items,
    padTop: virtual && items.length ? items[0].start : 0,
    padBottom: virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0,
    measure: virtual ? virtualizer.measureElement : undefined,
  };
}
