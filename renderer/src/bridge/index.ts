import type { QdaBridge } from '@core/ipc/contract';
import { createWebBridge } from './web';

declare global {
  interface Window {
    qda?: QdaBridge;
  }
}

/** Electron's preload exposes window.qda; anywhere else the web bridge stands in. */
export const bridge: QdaBridge = window.qda ?? createWebBridge();
