import type { Coder } from '@core/model/types';
import { useI18n } from '../i18n';

/** Whose coding counts: every coder (none chosen) or the coders ticked. */
export function CoderFilter({ coders, chosen, onChange }: { coders: Coder[]; chosen: string[]; onChange(coderIds: string[]): void }) {
  const { t } = useI18n();
  const names = coders.filter((c) => chosen.includes(c.id)).map((c) => c.name);
  return (
    <details className="coder-filter">
      <summary>{names.length ? t('coders.only', { names: names.join(', ') }) : t('coders.everyone')}</summary>
      <ul className="code-picks">
        {coders.map((coder) => (
          <li key={coder.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(coder.id)}
                onChange={() => onChange(chosen.includes(coder.id) ? chosen.filter((x) => x !== coder.id) : [...chosen, coder.id])}
              />{' '}
              <span className="coder-swatch" style={{ background: coder.color }} /> {coder.name}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
