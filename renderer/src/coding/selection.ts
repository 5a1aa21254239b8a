/**
 * Maps the browser's text selection to offsets in a source: every piece of source text
 * is rendered in an element carrying data-s (its start offset in the source).
 */
export function sourceOffsetsOfSelection(container: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset, 'start');
  const end = offsetOf(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

function pieceOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  return el?.closest<HTMLElement>('[data-s]') ?? null;
}

function offsetOf(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = pieceOf(node);
    return piece ? Number(piece.dataset.s) + offset : null;
  }
  // The boundary sits between child nodes: use the piece just after (start) or before (end) it.
  const el = node as HTMLElement;
  const pieces = Array.from(el.querySelectorAll<HTMLElement>('[data-s]'));
  if (el.dataset.s !== undefined) return Number(el.dataset.s) + (offset > 0 ? (el.textContent?.length ?? 0) : 0);
  const child = el.childNodes[offset] ?? null;
  if (edge === 'start') {
    const after = pieces.find((p) => child && (child === p || child.contains(p) || !!(child.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)));
    return after ? Number(after.dataset.s) : null;
  }
  const before = [...pieces].reverse().find((p) => !child || !!(child.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_PRECEDING));
  return before ? Number(before.dataset.s) + (before.textContent?.length ?? 0) : null;
}

/** Selects [start, end) of a source in the page (after a paragraph-number click, say). */
export function selectSourceRange(container: HTMLElement, start: number, end: number): void {
  const pieces = Array.from(container.querySelectorAll<HTMLElement>('[data-s]'));
  const find = (offset: number, edge: 'start' | 'end') => {
    for (const p of pieces) {
      const s = Number(p.dataset.s);
      const len = p.textContent?.length ?? 0;
      if (edge === 'start' ? offset >= s && offset < s + len : offset > s && offset <= s + len) return { node: p.firstChild ?? p, offset: offset - s };
    }
    return null;
  };
  const a = find(start, 'start');
  const b = find(end, 'end');
  if (!a || !b) return;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}
