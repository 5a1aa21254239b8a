import { useMemo, useState } from 'react';
import { codePath } from '@core/coding/codes';
import type { Code } from '@core/model/types';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';
import { Modal } from '../components/Modal';
import { PaletteInput } from '../components/PaletteInput';

/** Type to filter, Enter to code the selection; a name that matches no code creates it. */
export function QuickCodePalette({ codes, onClose }: { codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const scored = codes
      .map((c) => ({ code: c, path: codePath(codes, c.id) }))
      .filter((x) => !q || x.path.toLowerCase().includes(q))
      .sort((a, b) => Number(!a.code.name.toLowerCase().startsWith(q)) - Number(!b.code.name.toLowerCase().startsWith(q)) || a.path.localeCompare(b.path));
    return scored.slice(0, 50);
  }, [codes, query]);
  const exact = matches.some((m) => m.code.name.toLowerCase() === query.trim().toLowerCase());
  const items = [...matches.map((m) => ({ kind: 'code' as const, ...m })), ...(query.trim() && !exact ? [{ kind: 'new' as const, name: query.trim() }] : [])];
  const choose = async (i: number) => {
    const item = items[i];
    if (!item) return;
    onClose();
    if (item.kind === 'code') await coding.codeSelection(item.code.id);
    else await coding.codeSelectionWithNewCode(item.name);
  };
  return (
    <Modal className="palette" label={t('palette.title')} onCancel={onClose} closeOnOutsideClick>
      {coding.selection && <p className="palette-quote">“{coding.selection.text.length > 140 ? coding.selection.text.slice(0, 137) + '…' : coding.selection.text}”</p>}
      <PaletteInput
        listId="palette-list"
        label={t('palette.input')}
        placeholder={t('palette.placeholder')}
        query={query}
        onQuery={setQuery}
        active={active}
        setActive={setActive}
        count={items.length}
        onChoose={(i) => void choose(i)}
        onClose={onClose}
      />
      <ul id="palette-list" role="listbox">
        {items.map((item, i) => (
          <li
            key={item.kind === 'code' ? item.code.id : 'new'}
            id={`palette-list-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => void choose(i)}
          >
            {item.kind === 'code' ? (
              <>
                <span className="dot" style={{ background: item.code.color }} /> {item.path}
              </>
            ) : (
              <>+ {t('palette.create', { name: item.name })}</>
            )}
          </li>
        ))}
      </ul>
      {!coding.selection && <p className="hint">{t('coding.nothingSelected')}</p>}
    </Modal>
  );
}
