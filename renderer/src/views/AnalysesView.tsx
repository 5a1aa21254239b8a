import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { cellKey, type Grouping } from '@core/analysis/matrix';
import { quotesOfCell, runAnalysis } from '@core/analysis/run';
import { ANALYSIS_TYPES, codeIdsOf, defaultDefinition, withCodeIds, withMatrix, type AnalysisDefinition } from '@core/analysis/definition';
import { flattenTree } from '@core/coding/codes';
import { createAnalysis, deleteAnalysis, setCellSummary, updateAnalysis } from '@core/db/analyses';
import { loadProjectData } from '@core/db/snapshot';
import { barChartSvg, heatmapSvg } from '@core/export/charts';
import type { MessageKey } from '@core/i18n';
import type { ProjectData, SavedAnalysis } from '@core/model/types';
import { bridge } from '../bridge';
import { TableExports } from '../components/TableExports';
import { saveRequest } from '@core/export/file-name';
import { useCoding } from '../coding/CodingContext';
import { TableGrid } from '../components/TableGrid';
import { TypedText } from '../editing/TypedText';
import { db } from '../db';
import { useI18n } from '../i18n';
import { kindLabel } from '../labels';
import { AgreementOptions } from './AgreementOptions';
import { CoderFilter } from '../components/CoderFilter';
import { DisagreementsPanel } from './DisagreementsPanel';

/** Saved analyses: matrices, frequency tables, comparisons; live, exportable, with cell summaries. */
export function AnalysesView({ projectId, initialId, onOpenSource }: { projectId: string; initialId?: string; onOpenSource?(sourceId: string, start: number, end: number): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const data = useLiveQuery(() => loadProjectData(db, projectId), [projectId]);
  const [openId, setOpenId] = useState<string | null>(initialId ?? null);
  const [newType, setNewType] = useState<(typeof ANALYSIS_TYPES)[number]>('framework');
  if (!data) return <div className="loading">{t('common.loading')}</div>;
  // A just-created analysis may not be in the snapshot yet: wait for it rather than show another.
  const open = openId ? data.analyses.find((a) => a.id === openId) : data.analyses[0];
  const create = () =>
    void coding.run(async () => {
      const a = await createAnalysis(db, projectId, t(`analysis.type.${newType}` as MessageKey), defaultDefinition(newType, data));
      setOpenId(a.id);
    });
  return (
    <section className="analyses" aria-label={t('analysis.title')}>
      <div className="analysis-list">
        <h2>{t('analysis.title')}</h2>
        <div className="inline">
          <select aria-label={t('analysis.newType')} value={newType} onChange={(e) => setNewType(e.target.value as (typeof ANALYSIS_TYPES)[number])}>
            {ANALYSIS_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`analysis.type.${type}` as MessageKey)}
              </option>
            ))}
          </select>
          <button className="primary" onClick={create}>
            + {t('analysis.new')}
          </button>
        </div>
        <ul>
          {data.analyses.map((a) => (
            <li key={a.id}>
              <button className={a.id === open?.id ? 'active' : undefined} onClick={() => setOpenId(a.id)}>
                {a.name}
                <span className="hint">{t(`analysis.type.${a.type}` as MessageKey)}</span>
              </button>
            </li>
          ))}
        </ul>
        {data.analyses.length === 0 && <p className="hint">{t('analysis.none')}</p>}
      </div>
      {open && open.definition && <AnalysisPanel key={open.id} data={data} analysis={{ ...open, definition: open.definition }} onOpenSource={onOpenSource} />}
      {open && !open.definition && (
        <p className="empty-state" role="status">
          {t('analysis.unreadable', { name: open.name })}
        </p>
      )}
    </section>
  );
}

function AnalysisPanel({
  data,
  analysis,
  onOpenSource,
}: {
  data: ProjectData;
  analysis: SavedAnalysis & { definition: AnalysisDefinition };
  onOpenSource?(sourceId: string, start: number, end: number): void;
}) {
  const { t } = useI18n();
  const coding = useCoding();
  const def = analysis.definition;
  const result = useMemo(() => runAnalysis(data, analysis, t), [data, analysis, t]);
  const [cell, setCell] = useState<{ row: number; column: number } | null>(null);
  const [view, setView] = useState<'table' | 'bars' | 'heatmap'>('table');
  const chart = view === 'table' ? null : view === 'bars' ? barChartSvg(result.table) : heatmapSvg(result.table);
  const chartUrl = chart ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart)}` : '';
  const exportSvg = () => chart && bridge.saveFile(saveRequest(analysis.name, 'svg', new TextEncoder().encode(chart)));
  const exportPng = async () => {
    if (!chart) return;
    // Drawn at twice the size, for print.
    const img = new Image();
    img.src = chartUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    if (blob) await bridge.saveFile(saveRequest(analysis.name, 'png', new Uint8Array(await blob.arrayBuffer())));
  };
  const save = (definition: AnalysisDefinition) => void coding.run(() => updateAnalysis(db, analysis.id, { definition }));
  const matrixDef = 'matrix' in def ? def.matrix : null;
  const setCodeIds = (ids: string[]) => save(withCodeIds(def, ids));
  const m = result.matrix;
  // Cells are addressed in table coordinates; matrices map them to their own cells.
  const offset = m ? result.table.columns.length - m.columns.length : 1;
  const selected = cell && !result.agreement ? quotesOfCell(data, def, result, cell.row, cell.column) : null;
  const disagreementRow = cell && result.agreement ? result.table.rows[cell.row]?.key : undefined;
  const summaryKey = selected ? cellKey(selected.row.key, selected.column.key) : '';
  return (
    <div className="analysis-panel">
      <div className="analysis-head">
        <TypedText field={{ kind: 'analysisName', id: analysis.id }} projectId={analysis.projectId} multiline={false} className="analysis-name" aria-label={t('analysis.name')} />
        <TableExports name={analysis.name} subtitle={data.project.name} table={(lt) => runAnalysis(data, analysis, lt).table} />
        <button className="danger" onClick={() => void coding.run(() => deleteAnalysis(db, analysis.id))}>
          {t('common.delete')}
        </button>
      </div>
      <div className="analysis-options">
        {def.type !== 'frequency' && (
          <details>
            <summary>{def.type === 'agreement' && codeIdsOf(def).length === 0 ? t('agreement.allCodes') : t('analysis.codes', { count: codeIdsOf(def).length })}</summary>
            <ul className="code-picks">
              {flattenTree(data.codes).map(({ code, depth }) => (
                <li key={code.id} style={{ paddingLeft: depth * 14 }}>
                  <label>
                    <input
                      type="checkbox"
                      checked={codeIdsOf(def).includes(code.id)}
                      onChange={() => setCodeIds(codeIdsOf(def).includes(code.id) ? codeIdsOf(def).filter((x) => x !== code.id) : [...codeIdsOf(def), code.id])}
                    />{' '}
                    {code.name}
                  </label>
                </li>
              ))}
            </ul>
          </details>
        )}
        {def.type === 'agreement' && <AgreementOptions data={data} options={def.options} onChange={(options) => save({ ...def, options })} />}
        {def.type !== 'agreement' && def.type !== 'search' && data.coders.length > 1 && (
          <CoderFilter coders={data.coders} chosen={def.coderIds ?? []} onChange={(coderIds) => save({ ...def, coderIds })} />
        )}
        {matrixDef && (
          <>
            <label>
              {def.type === 'framework' ? t('analysis.rows') : t('analysis.columns')}
              <select
                value={matrixDef.grouping.kind === 'attribute' ? `attr:${matrixDef.grouping.attributeId}` : matrixDef.grouping.kind}
                onChange={(e) => {
                  const v = e.target.value;
                  const grouping: Grouping = v === 'cases' || v === 'sources' ? { kind: v } : { kind: 'attribute', attributeId: v.slice(5) };
                  save(withMatrix(def, { grouping }));
                }}
              >
                <option value="cases">{t('analysis.byCase')}</option>
                <option value="sources">{t('analysis.bySource')}</option>
                {data.attributes.map((a) => (
                  <option key={a.id} value={`attr:${a.id}`}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={matrixDef.includeSubcodes} onChange={(e) => save(withMatrix(def, { includeSubcodes: e.target.checked }))} /> {t('retrieval.subcodes')}
            </label>
          </>
        )}
        {def.type === 'framework' && (
          <label>
            {t('analysis.show')}
            <select value={def.show} onChange={(e) => save({ ...def, show: e.target.value as typeof def.show })}>
              {(['counts', 'summaries', 'quotes', 'summaries and quotes'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`analysis.show.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        )}
        {def.type === 'coding-query' && (
          <>
            <label>
              {t('analysis.count')}
              <select value={def.count} onChange={(e) => save({ ...def, count: e.target.value as typeof def.count })}>
                <option value="segments">{t('analysis.count.segments')}</option>
                <option value="sources">{t('analysis.count.sources')}</option>
                <option value="cases">{t('analysis.count.cases')}</option>
              </select>
            </label>
            <label>
              {t('analysis.percent')}
              <select value={def.percent} onChange={(e) => save({ ...def, percent: e.target.value as typeof def.percent })}>
                <option value="none">{t('analysis.percent.none')}</option>
                <option value="row">{t('analysis.percent.row')}</option>
                <option value="column">{t('analysis.percent.column')}</option>
              </select>
            </label>
          </>
        )}
        {(def.type === 'frequency' || matrixDef) && (
          <details>
            <summary>
              {((def.type === 'frequency' ? def.options.sourceKinds : matrixDef?.sourceKinds)?.length ?? 0) === 0
                ? t('analysis.kindsAll')
                : t('analysis.kindsChosen', { count: (def.type === 'frequency' ? def.options.sourceKinds : matrixDef?.sourceKinds)!.length })}
            </summary>
            <ul className="code-picks">
              {data.project.sourceKinds.map((kind) => {
                const kinds = (def.type === 'frequency' ? def.options.sourceKinds : matrixDef?.sourceKinds) ?? [];
                const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
                return (
                  <li key={kind}>
                    <label>
                      <input
                        type="checkbox"
                        checked={kinds.includes(kind)}
                        onChange={() => save(def.type === 'frequency' ? { ...def, options: { ...def.options, sourceKinds: next } } : withMatrix(def, { sourceKinds: next }))}
                      />{' '}
                      {kindLabel(t, kind)}
                    </label>
                  </li>
                );
              })}
            </ul>
          </details>
        )}
        {def.type === 'frequency' && (
          <>
            <label>
              <input type="checkbox" checked={def.options.rollUp} onChange={(e) => save({ ...def, options: { ...def.options, rollUp: e.target.checked } })} />{' '}
              {t('analysis.rollUp')}
            </label>
            <label>
              {t('analysis.splitBy')}
              <select value={def.options.splitByAttributeId ?? ''} onChange={(e) => save({ ...def, options: { ...def.options, splitByAttributeId: e.target.value || undefined } })}>
                <option value="">—</option>
                {data.attributes.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {def.type === 'cooccurrence' && (
          <>
            <label>
              {t('analysis.unit')}
              <select value={def.options.unit} onChange={(e) => save({ ...def, options: { ...def.options, unit: e.target.value as typeof def.options.unit } })}>
                <option value="overlap">{t('analysis.unit.overlap')}</option>
                <option value="paragraph">{t('analysis.unit.paragraph')}</option>
                <option value="source">{t('analysis.unit.source')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={def.options.jaccard} onChange={(e) => save({ ...def, options: { ...def.options, jaccard: e.target.checked } })} /> Jaccard
            </label>
          </>
        )}
        {def.type === 'words' && (
          <>
            <label>
              {t('analysis.group')}
              <select
                value={def.options.group ? `${def.options.group.attributeId}\u0000${def.options.group.value}` : ''}
                onChange={(e) => {
                  const [attributeId, value] = e.target.value.split('\u0000');
                  save({ ...def, options: { ...def.options, group: e.target.value ? { attributeId, value } : undefined } });
                }}
              >
                <option value="">{t('analysis.allSources')}</option>
                {data.attributes.flatMap((a) =>
                  [
                    ...new Set(
                      data.cases
                        .map((c) => c.values[a.id])
                        .filter((v) => v !== null && v !== undefined)
                        .map(String),
                    ),
                  ].map((v) => (
                    <option key={`${a.id}:${v}`} value={`${a.id}\u0000${v}`}>
                      {a.name} = {v}
                    </option>
                  )),
                )}
              </select>
            </label>
            <label>
              {t('analysis.stemming')}
              <select
                value={def.options.stemming ?? ''}
                onChange={(e) => save({ ...def, options: { ...def.options, stemming: (e.target.value || null) as 'es' | 'pt' | 'en' | null } })}
              >
                <option value="">{t('analysis.noStemming')}</option>
                <option value="es">{t('language.es')}</option>
                <option value="pt">{t('language.pt')}</option>
                <option value="en">{t('language.en')}</option>
              </select>
            </label>
            <label>
              {t('analysis.stopWords')}
              <TypedText field={{ kind: 'stopWords', analysisId: analysis.id }} projectId={analysis.projectId} multiline={false} />
            </label>
          </>
        )}
        {def.type === 'comparison' && (
          <label>
            <input type="checkbox" checked={def.rowLabels} onChange={(e) => save({ ...def, rowLabels: e.target.checked })} /> {t('analysis.rowLabels')}
          </label>
        )}
      </div>
      <div className="view-switch" role="tablist" aria-label={t('analysis.viewAs')}>
        {(['table', 'bars', 'heatmap'] as const).map((v) => (
          <button key={v} role="tab" aria-selected={view === v} onClick={() => setView(v)}>
            {t(`analysis.view.${v}` as MessageKey)}
          </button>
        ))}
        {chart && (
          <>
            <button onClick={() => void exportSvg()}>{t('analysis.exportSvg')}</button>
            <button onClick={() => void exportPng()}>{t('analysis.exportPng')}</button>
          </>
        )}
      </div>
      {chart ? (
        <div className="chart">
          <img src={chartUrl} alt={t('analysis.chartOf', { name: analysis.name })} />
        </div>
      ) : (
        <div className={selected || disagreementRow ? 'analysis-body with-cell' : 'analysis-body'}>
          <TableGrid
            table={result.table}
            dataFrom={offset}
            onCellClick={def.type === 'words' ? undefined : (r, c) => setCell({ row: r, column: c })}
            selected={cell ?? undefined}
          />
          {disagreementRow && result.agreement && <DisagreementsPanel data={data} scope={result.agreement} rowKey={disagreementRow} onOpenSource={onOpenSource} />}
          {selected && (
            <aside className="cell-panel" aria-label={t('analysis.cell', { row: selected.row.label, column: selected.column.label })}>
              <h3>
                {selected.row.label} × {selected.column.label}
              </h3>
              {(def.type === 'framework' || def.type === 'comparison') && (
                <label className="memo-field">
                  {t('analysis.summary')}
                  <TypedText key={summaryKey} field={{ kind: 'cellSummary', analysisId: analysis.id, cell: summaryKey }} projectId={analysis.projectId} rows={5} />
                </label>
              )}
              <h4>{t('retrieval.count', { count: selected.quotes.length })}</h4>
              <ol className="quotes">
                {selected.quotes.map((q) => (
                  <li key={`${q.sourceId}:${q.start}`}>
                    “{q.text}” <span className="citation">{q.citation}</span>
                    {(def.type === 'framework' || def.type === 'comparison') && (
                      <button className="link use-quote" onClick={() => void coding.run(() => setCellSummary(db, analysis.id, summaryKey, `“${q.text}” ${q.citation}`))}>
                        {t('analysis.useQuote')}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </aside>
          )}
        </div>
      )}
    </div>
  );
}
