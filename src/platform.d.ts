/**
 * The few web-platform globals that pure code may use: they exist alike in browsers,
 * Electron and Node 20, so src/ needs neither the DOM library nor Node's types.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare const crypto: {
  randomUUID(): string;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array | ArrayBuffer): Promise<ArrayBuffer> };
};
declare const console: { warn(...args: unknown[]): void; log(...args: unknown[]): void; error(...args: unknown[]): void };
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(timer: ReturnType<typeof setTimeout>): void;
