/**
 * Files that systems and word processors leave in a folder and nobody means to import:
 * hidden files (macOS's ".DS_Store" and "._interview.docx", LibreOffice's ".~lock…#"),
 * Word's lock and temporary files ("~$trevista.docx", "~WRL0001.tmp") and Windows'
 * "Thumbs.db" and "desktop.ini". A folder import leaves them out, as file browsers hide them.
 */
export function isSystemFile(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, '');
  return base.startsWith('.') || base.startsWith('~$') || /^~.*\.tmp$/i.test(base) || /^(thumbs\.db|ehthumbs\.db|desktop\.ini|icon\r)$/i.test(base);
}
