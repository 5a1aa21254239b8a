import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { flattenTree } from '@core/coding/codes';
import { groupByCode, retrieve, type RetrievalQuery, type RetrievedQuote } from '@core/coding/retrieval';
import { quoteWithCitation, retrievalDocument, retrievalTable } from '@core/coding/retrieval-export';
import { formatCitation } from '@core/coding/citation';
import { loadProjectData } from '@core/db/snapshot';
import { tableToCsv } from '@core/export/csv';
import type { AttributeValue, Project } from '@core/model/types';
import { bridge } from '../bridge';
import { db } from '../db';
import { useTypedField } from '../editing/useTypedField';
import { useI18n } from '../i18n';
import { kindLabel } from '../labels';
import { ExportLanguage, useExportLanguage } from '../components/ExportLanguage';
import { saveRequest } from '@core/export/file-name';

/** Coded segments by code, with "and / or / not", filters, citations, and export. */
export function RetrievalView({ project, onOpenQuote }: { project: Project; onOpenQuote(q: RetrievedQuote): void }) {
  const { t } = useI18n();
  const language = useExportLanguage();
  const data = useLiveQuery(() => loadProjectData(db, project.id), [project.id]);
  const [query, setQuery] = useState<RetrievalQuery>({ codeIds: [], mode: 'or', includeSubcodes: true, sourceKinds: [], attributeFilters: [] });
  // The citation pattern is saved as it is typed (its preview follows every key).
  const pattern = useTypedField({ kind: 'citationPattern', projectId: project.id }, project.id);
  const [copied, setCopied] = useState<string | null>(null);
  const quotes = useMemo(() => (data ? retrieve(data, query) : []), [data, query]);
  if (!data) return <div className="loading">{t('common.loading')}</div>;

  const toggle = <T,>(list: T[] | undefined, value: T) => (list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value]);
  const filterFor = (attributeId: string) => query.attributeFilters?.find((f) => f.attributeId === attributeId)?.values ?? [];
  const setFilter = (attributeId: string, values: AttributeValue[]) =>
    setQuery((q) => ({ ...q, attributeFilters: [...(q.attributeFilters ?? []).filter((f) => f.attributeId !== attributeId), { attributeId, values }] }));
  const attributeValues = (attributeId: string) =>
    [...new Set(data.cases.map((c) => c.values[attributeId]).filter((v) => v !== undefined && v !== null))].sort((a, b) => String(a).localeCompare(String(b)));
  const codeById = new Map(data.codes.map((c) => [c.id, c]));
  const exportTitle = () =>
    language.t('retrieval.exportTitle', { codes: query.codeIds.map((id) => codeById.get(id)?.name).join(query.mode === 'and' ? ' ∧ ' : query.mode === 'not' ? ' ¬ ' : ' ∨ ') });

  const exportWord = async () => {
    const { documentToDocx } = await import('@core/export/docx');
    const bytes = await documentToDocx(retrievalDocument(quotes, data.codes, exportTitle(), project.name), language.t);
    await bridge.saveFile(saveRequest(exportTitle(), 'docx', bytes));
  };
  const exportCsv = async () => {
    const bytes = tableToCsv(retrievalTable(quotes, data, exportTitle(), language.t));
    await bridge.saveFile(saveRequest(exportTitle(), 'csv', bytes));
  };
  const copy = async (q: RetrievedQuote) => {
    await navigator.clipboard?.writeText(quoteWithCitation(q)).catch(() => undefined);
    setCopied(`${q.sourceId}:${q.start}`);
  };

  return (
    <section className="retrieval" aria-label={t('retrieval.title')}>
      <div className="retrieval-query">
        <h2>{t('retrieval.title')}</h2>
        <fieldset>
          <legend>{t('retrieval.codes')}</legend>
          <ul className="code-picks">
            {flattenTree(data.codes).map(({ code, depth }) => (
              <li key={code.id} style={{ paddingLeft: depth * 14 }}>
                <label>
                  <input type="checkbox" checked={query.codeIds.includes(code.id)} onChange={() => setQuery((q) => ({ ...q, codeIds: toggle(q.codeIds, code.id) }))} />
                  <span className="dot" style={{ background: code.color }} /> {code.name}
                </label>
              </li>
            ))}
          </ul>
          {data.codes.length === 0 && <p className="hint">{t('retrieval.noCodes')}</p>}
        </fieldset>
        <fieldset className="inline-options">
          <legend>{t('retrieval.combine')}</legend>
          {(['or', 'and', 'not'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name="mode" checked={query.mode === mode} onChange={() => setQuery((q) => ({ ...q, mode }))} /> {t(`retrieval.mode.${mode}`)}
            </label>
          ))}
          <label>
            <input type="checkbox" checked={query.includeSubcodes} onChange={(e) => setQuery((q) => ({ ...q, includeSubcodes: e.target.checked }))} /> {t('retrieval.subcodes')}
          </label>
        </fieldset>
        {data.coders.length > 1 && (
          <fieldset className="inline-options">
            <legend>{t('retrieval.coders')}</legend>
            {data.coders.map((coder) => (
              <label key={coder.id}>
                <input type="checkbox" checked={query.coderIds?.includes(coder.id) ?? false} onChange={() => setQuery((q) => ({ ...q, coderIds: toggle(q.coderIds, coder.id) }))} />{' '}
                <span className="coder-swatch" style={{ background: coder.color }} /> {coder.name}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="inline-options">
          <legend>{t('retrieval.kinds')}</legend>
          {project.sourceKinds.map((kind) => (
            <label key={kind}>
              <input type="checkbox" checked={query.sourceKinds?.includes(kind) ?? false} onChange={() => setQuery((q) => ({ ...q, sourceKinds: toggle(q.sourceKinds, kind) }))} />{' '}
              {kindLabel(t, kind)}
            </label>
          ))}
        </fieldset>
        {data.attributes.map((a) => (
          <fieldset key={a.id} className="inline-options">
            <legend>{a.name}</legend>
            {attributeValues(a.id).map((v) => (
              <label key={String(v)}>
                <input type="checkbox" checked={filterFor(a.id).includes(v)} onChange={() => setFilter(a.id, toggle(filterFor(a.id), v))} />{' '}
                {typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v)}
              </label>
            ))}
          </fieldset>
        ))}
        <label className="pattern">
          {t('retrieval.pattern')}
          <input
            value={pattern.value}
            disabled={pattern.loading}
            onChange={(e) => pattern.onChange(e.target.value)}
            onBlur={pattern.onBlur}
            onKeyDown={(e) => e.key === 'Enter' && pattern.onBlur()}
          />
          <span className="hint">
            {t('retrieval.patternHelp')} {formatCitation(pattern.value, { case: 'ARIII', paragraph: 3, speaker: 'Caregiver 1', reportNumber: '1', source: 'ARIII_phone' })}
          </span>
        </label>
      </div>
      <div className="retrieval-results">
        <div className="list-toolbar">
          <strong role="status">{t('retrieval.count', { count: quotes.length })}</strong>
          <ExportLanguage value={language} />
          <button onClick={() => void exportWord()} disabled={quotes.length === 0}>
            {t('retrieval.exportWord')}
          </button>
          <button onClick={() => void exportCsv()} disabled={quotes.length === 0}>
            {t('retrieval.exportCsv')}
          </button>
        </div>
        {groupByCode(quotes, data.codes).map((g) => (
          <section key={g.code.id} className="quote-group">
            <h3>
              <span className="dot" style={{ background: g.code.color }} /> {g.path} <span className="count">{g.quotes.length}</span>
            </h3>
            <ol className="quotes">
              {g.quotes.map((q) => (
                <li key={`${q.sourceId}:${q.start}:${q.end}`} className="retrieved">
                  <p>
                    <span className="context">{q.before}</span>
                    <button className="quote-text" onClick={() => onOpenQuote(q)} title={t('retrieval.open', { source: q.sourceName })}>
                      {q.text}
                    </button>
                    <span className="context">{q.after}</span>
                  </p>
                  <p className="quote-meta">
                    <span className="citation">{q.citation}</span> · {q.sourceName}
                    <button className="link" onClick={() => void copy(q)}>
                      {copied === `${q.sourceId}:${q.start}` ? t('retrieval.copied') : t('retrieval.copy')}
                    </button>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ))}
        {query.codeIds.length === 0 && <p className="empty-state">{t('retrieval.pick')}</p>}
      </div>
    </section>
  );
}
