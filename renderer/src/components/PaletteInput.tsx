import type { Dispatch, SetStateAction } from 'react';

interface Props {
  /** The id of the listbox it steers; options are `${listId}-${index}`. */
  listId: string;
  label: string;
  placeholder: string;
  query: string;
  onQuery(query: string): void;
  active: number;
  setActive: Dispatch<SetStateAction<number>>;
  count: number;
  onChoose(index: number): void;
  onClose(): void;
}

/** The typing field of a palette: it filters, ↑ ↓ move through the list, Enter chooses, Escape closes. */
export function PaletteInput({ listId, label, placeholder, query, onQuery, active, setActive, count, onChoose, onClose }: Props) {
  return (
    <input
      autoFocus
      role="combobox"
      aria-expanded="true"
      aria-controls={listId}
      aria-activedescendant={active < count ? `${listId}-${active}` : undefined}
      aria-label={label}
      placeholder={placeholder}
      value={query}
      onChange={(e) => {
        onQuery(e.target.value);
        setActive(0);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setActive((a) => Math.min(count - 1, a + 1));
        else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
        else if (e.key === 'Enter') onChoose(active);
        else if (e.key === 'Escape') onClose();
        else return;
        e.preventDefault();
      }}
    />
  );
}
