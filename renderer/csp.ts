import type { Plugin } from 'vite';

/** The renderer's Content Security Policy: only the app's own code, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * Adds the CSP to built pages. The dev server is left without it because React's fast
 * refresh injects an inline script; what ships (and what the e2e tests run) has it.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'qda-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}
