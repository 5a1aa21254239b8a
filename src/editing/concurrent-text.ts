/**
 * What to store when a field is saved: the researcher's text, unless someone else (another
 * window) changed the stored text since this window last saw it. Then both texts are kept,
 * theirs first and ours after a line that says so, and the caller tells the researcher.
 */
export function reconcileText(base: string, mine: string, theirs: string, marker: string, singleLine = false): { text: string; conflict: boolean } {
  if (theirs === base || theirs === mine) return { text: mine, conflict: false };
  if (mine === base) return { text: theirs, conflict: false };
  // One of the two already holds the other (a window that saved a longer version of the same sitting): no need to repeat it.
  if (mine.includes(theirs)) return { text: mine, conflict: false };
  if (theirs.includes(mine)) return { text: theirs, conflict: false };
  return { text: singleLine ? `${theirs} / ${mine}` : `${theirs}\n\n${marker}\n${mine}`, conflict: true };
}

/**
 * The researcher kept typing while a save that met another window's text was on its way:
 * what was typed after the sent text goes on after the stored text (where ours ends).
 */
export function rebaseTyping(sent: string, stored: string, typed: string): string {
  if (typed === sent) return stored;
  return typed.startsWith(sent) ? stored + typed.slice(sent.length) : `${stored}\n${typed}`;
}
