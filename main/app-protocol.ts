import { extname, resolve, sep } from 'node:path';

/**
 * The app's pages are served from app://qda/ rather than file://: a file:// page could
 * read any file it is pointed at, and every file:// page would share its origin. Only
 * this origin is trusted by the bridge.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://qda';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/**
 * The file an app:// request asks for, inside the built renderer only: another host,
 * a path that climbs out (`..`, encoded or not) or anything odd is refused (null).
 */
export function appFileFor(url: string, root: string): { path: string; type: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'qda') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash climbs folders on Windows; no file of the app has one in its name.
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return { path: file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
