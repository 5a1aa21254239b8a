import { useI18n } from '../i18n';
import { kindLabel } from '../labels';

/** Chooses a source kind from the project's list, each shown in the researcher's language. */
export function KindSelect({ kinds, value, onChange, placeholder }: { kinds: string[]; value: string; onChange(kind: string): void; placeholder?: string }) {
  const { t } = useI18n();
  return (
    <select value={value} onChange={(e) => e.target.value && onChange(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {kinds.map((k) => (
        <option key={k} value={k}>
          {kindLabel(t, k)}
        </option>
      ))}
    </select>
  );
}
