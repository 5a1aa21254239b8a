import { SOURCE_EXTENSIONS } from '@core/import';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Case, Project, Source } from '@core/model/types';
import { KindSelect } from '../components/KindSelect';
import { useVisibleRows } from '../components/useVisibleRows';
import { useI18n } from '../i18n';
import { kindLabel, noteText } from '../labels';
import { SourceKindsDialog } from './SourceKindsDialog';
import { updateSources } from '@core/db/sources';
import { db } from '../db';
import { compareNatural } from '@core/util/natural-order';

type SortKey = 'name' | 'kind' | 'case' | 'words' | 'date';

export function SourceList({ project, sources, cases, onOpen }: { project: Project; sources: Source[]; cases: Case[]; onOpen(id: string): void }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [filter, setFilter] = useState('');
  const [editingKinds, setEditingKinds] = useState(false);
  // Sources ticked for setting their kind or date together (forty phone interviews at once).
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const caseName = useMemo(() => new Map(cases.map((c) => [c.id, c.name])), [cases]);
  const casesOf = useCallback(
    (s: Source) =>
      s.caseIds
        .map((id) => caseName.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
    [caseName],
  );
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const filtered = q ? sources.filter((s) => `${s.name} ${s.kind} ${casesOf(s)}`.toLowerCase().includes(q)) : sources;
    const value = (s: Source): string | number => (sort.key === 'case' ? casesOf(s) : sort.key === 'words' ? s.words : (s[sort.key] ?? ''));
    return [...filtered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      return (typeof va === 'number' && typeof vb === 'number' ? va - vb : compareNatural(String(va), String(vb), locale)) * sort.dir;
    });
  }, [sources, filter, sort, casesOf, locale]);
  const chosen = sources.filter((s) => ticked.has(s.id)).map((s) => s.id);
  const allShownTicked = rows.length > 0 && rows.every((s) => ticked.has(s.id));
  const tick = (id: string) => setTicked((now) => (now.has(id) ? new Set([...now].filter((x) => x !== id)) : new Set([...now, id])));
  const tickAllShown = () => setTicked(allShownTicked ? new Set() : new Set(rows.map((s) => s.id)));
  // A project of hundreds of sources draws only the rows in view (as every long table does).
  const { items, padTop, padBottom } = useVisibleRows(rows.length, scroller, 37);

  if (sources.length === 0) {
    return (
      <div className="empty-state">
        <h2>{t('sources.emptyTitle')}</h2>
        <p>{t('sources.emptyBody', { formats: SOURCE_EXTENSIONS.map((e) => `.${e}`).join(', ') })}</p>
      </div>
    );
  }
  const header = (key: SortKey, label: string, numeric = false) => (
    <th className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button className="sort" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}>
        {label} {sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}
      </button>
    </th>
  );
  const number = new Intl.NumberFormat(locale);
  return (
    <section className="source-list">
      <div className="list-toolbar">
        <h2>{t('workspace.sources')}</h2>
        <input type="search" placeholder={t('sources.filter')} aria-label={t('sources.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="hint">{t('sources.totalWords', { count: sources.reduce((n, s) => n + s.words, 0) })}</span>
        <button onClick={() => setEditingKinds(true)}>{t('kinds.edit')}</button>
      </div>
      {chosen.length > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label={t('sources.selected', { count: chosen.length })}>
          <strong>{t('sources.selected', { count: chosen.length })}</strong>
          <label>
            {t('sources.setKind')} <KindSelect kinds={project.sourceKinds} value="" placeholder="—" onChange={(kind) => void updateSources(db, chosen, { kind })} />
          </label>
          <label>
            {t('sources.setDate')} <input type="date" onChange={(e) => e.target.value && void updateSources(db, chosen, { date: e.target.value })} />
          </label>
          <button onClick={() => setTicked(new Set())}>{t('sources.clearSelection')}</button>
        </div>
      )}
      <div className="table-scroll" ref={scroller}>
        <table className="grid sticky">
          <thead>
            <tr>
              <th className="tick">
                <input type="checkbox" aria-label={t('sources.selectAll')} checked={allShownTicked} onChange={tickAllShown} />
              </th>
              {header('name', t('sources.col.name'))}
              {header('kind', t('sources.col.kind'))}
              {header('case', t('sources.col.case'))}
              {header('words', t('sources.col.words'), true)}
              {header('date', t('sources.col.date'))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
            {items
              .map(({ index }) => rows[index])
              .map((s) => (
                <tr key={s.id} onDoubleClick={() => onOpen(s.id)} className={ticked.has(s.id) ? 'ticked' : undefined}>
                  <td className="tick">
                    <input type="checkbox" aria-label={t('sources.select', { name: s.name })} checked={ticked.has(s.id)} onChange={() => tick(s.id)} />
                  </td>
                  <td>
                    <button className="link" onClick={() => onOpen(s.id)}>
                      {s.name}
                    </button>
                    {s.warnings.length > 0 && (
                      <span className="badge warn" title={s.warnings.map((w) => noteText(t, w)).join('\n')}>
                        !
                      </span>
                    )}
                  </td>
                  <td>{kindLabel(t, s.kind)}</td>
                  <td>{casesOf(s)}</td>
                  <td className="num">{number.format(s.words)}</td>
                  <td>{s.date ?? ''}</td>
                </tr>
              ))}
            {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
          </tbody>
        </table>
      </div>
      {editingKinds && <SourceKindsDialog project={project} onClose={() => setEditingKinds(false)} />}
    </section>
  );
}
