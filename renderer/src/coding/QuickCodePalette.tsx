import { useMemo, useState } from 'react';
import { codePath } from '@core/coding/codes';
import type { Code } from '@core/model/types';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';
import { Modal } from '../components/Modal';

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
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[active] ? `palette-${active}` : undefined}
        aria-label={t('palette.input')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') void choose(active);
          else if (e.key === 'Escape') onClose();
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox">
        {items.map((item, i) => (
          <li
            key={item.kind === 'code' ? item.code.id : 'new'}
            id={`palette-${i}`}
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
