import type { AgreementOptions as Options } from '@core/analysis/agreement-table';
import { AGREEMENT_LEVELS } from '@core/analysis/agreement-units';
import type { MessageKey } from '@core/i18n';
import type { ProjectData } from '@core/model/types';
import { useI18n } from '../i18n';

const toggle = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

/** The agreement analysis's choices: coders, sources, unit, overlap, uncoded text. (Codes: the shared code picker.) */
export function AgreementOptions({ data, options, onChange }: { data: ProjectData; options: Options; onChange(options: Options): void }) {
  const { t } = useI18n();
  const set = (patch: Partial<Options>) => onChange({ ...options, ...patch });
  return (
    <>
      <details>
        <summary>{t('agreement.coders', { count: options.coderIds.length })}</summary>
        <ul className="code-picks">
          {data.coders.map((coder) => (
            <li key={coder.id}>
              <label>
                <input type="checkbox" checked={options.coderIds.includes(coder.id)} onChange={() => set({ coderIds: toggle(options.coderIds, coder.id) })} />{' '}
                <span className="coder-swatch" style={{ background: coder.color }} /> {coder.name}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{options.sourceIds.length ? t('agreement.sourcesChosen', { count: options.sourceIds.length }) : t('agreement.sourcesEveryCoder')}</summary>
        <ul className="code-picks">
          {data.sources.map((source) => (
            <li key={source.id}>
              <label>
                <input type="checkbox" checked={options.sourceIds.includes(source.id)} onChange={() => set({ sourceIds: toggle(options.sourceIds, source.id) })} /> {source.name}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <label>
        {t('agreement.level')}
        <select value={options.level} onChange={(e) => set({ level: e.target.value as Options['level'] })}>
          {AGREEMENT_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`agreement.level.${level}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {options.level === 'segment' ? (
        <label title={t('agreement.overlapHint')}>
          {t('agreement.overlap')}
          <input
            type="number"
            min={1}
            max={100}
            step={5}
            value={Math.round(options.overlap * 100)}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (value >= 1 && value <= 100) set({ overlap: value / 100 });
            }}
          />
          %
        </label>
      ) : (
        <label>
          <input type="checkbox" checked={options.uncoded} onChange={(e) => set({ uncoded: e.target.checked })} /> {t('agreement.uncoded')}
        </label>
      )}
    </>
  );
}
