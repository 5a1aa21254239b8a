import { APP_ORIGIN } from './app-protocol';

/** Security settings for every window: no Node in pages, isolated and sandboxed preload. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
    // A middle click must not open a link in a new window.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** The app's own pages: the built renderer served as app://qda/, or the dev server while developing. */
export function isTrustedUrl(url: string, devServerUrl: string | undefined): boolean {
  if (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`)) return true;
  return !!devServerUrl && url.startsWith(devServerUrl);
}

/**
 * What a page may ask the system for: writing the clipboard (copying a quote with its
 * citation), nothing else — no camera, microphone, location, notifications, or other.
 */
export function permissionAllowed(permission: string, requestingUrl: string, devServerUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl, devServerUrl);
}

interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Blocks navigation away from the app and every new window. */
export function lockNavigation(contents: WebContentsLike, currentUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== currentUrl()) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
