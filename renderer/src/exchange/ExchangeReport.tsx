import type { RefObject } from 'react';
import type { ExchangeNote } from '@core/exchange';
import type { MessageKey, Translator } from '@core/i18n';
import { bridge } from '../bridge';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';

/** A note of the exchange report in the researcher's language. */
export function exchangeNoteText(t: Translator, note: ExchangeNote): string {
  // Values that name a kind of thing are ids, named here in the researcher's language.
  const params =
    note.code === 'positions-counted'
      ? { ...note.params, counting: t(`exchange.counting.${note.params.counting}` as MessageKey) }
      : note.code === 'not-imported-parts'
        ? { ...note.params, what: t(`exchange.what.${note.params.what}` as MessageKey) }
        : note.params;
  return t(`exchange.note.${note.code}` as MessageKey, params);
}

/** What a project or codebook file left out or changed, one line each. */
export function ExchangeNotes({ notes }: { notes: ExchangeNote[] }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <ul className="exchange-report">
      {notes.map((n, i) => (
        <li key={i}>{exchangeNoteText(t, n)}</li>
      ))}
    </ul>
  );
}

/** A file that was not opened, named, with why. */
export function RefusalDialog({ title, file, reason, onClose }: { title: string; file: string; reason: string; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={title} onCancel={onClose} actions={<button onClick={onClose}>{t('common.close')}</button>}>
      <p role="alert">{t('exchange.refused', { file, reason })}</p>
    </Dialog>
  );
}

/** A file a researcher chose or dropped, read when it is opened. */
export interface ExchangeFile {
  name: string;
  read(): Promise<Uint8Array>;
}

/** Asks for one project or codebook file: the system's dialog in the desktop app, the page's file input in the browser. */
export function pickExchangeFile(kind: 'project' | 'codebook', input: RefObject<HTMLInputElement | null>, open: (file: ExchangeFile) => void): void {
  if (bridge.platform !== 'electron') return void input.current?.click();
  void bridge.pickExchangeFile(kind).then((f) => f && open({ name: f.name, read: () => bridge.readPickedFile(f.id) }));
}

/** The page's hidden file input behind pickExchangeFile in the browser: one chosen file, read when opened. */
export function ExchangeFileInput({
  inputRef,
  accept,
  label,
  onFile,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  label: string;
  onFile(file: ExchangeFile): void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      accept={accept}
      aria-label={label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile({ name: file.name, read: async () => new Uint8Array(await file.arrayBuffer()) });
      }}
    />
  );
}
