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
  } as const;
}

/** The app's own pages: the built renderer on disk, or the dev server while developing. */
export function isTrustedUrl(url: string, devServerUrl: string | undefined): boolean {
  if (url.startsWith('file://')) return true;
  return !!devServerUrl && url.startsWith(devServerUrl);
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
