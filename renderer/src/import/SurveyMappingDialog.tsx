import { useState } from 'react';
import { previewSurvey, type SurveyMapping, type SurveyPreview } from '@core/import';
import { useSheetRead } from './useSheetRead';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';

type Role = 'id' | 'answer' | 'attribute' | 'ignore';

interface Props {
  fileName: string;
  bytes: Uint8Array;
  onDone(mapping: SurveyMapping | null): void;
}

/** Lets the researcher say which column names respondents, which hold answers, which describe them. */
export function SurveyMappingDialog({ fileName, bytes, onDone }: Props) {
  const { t } = useI18n();
  const preview = useSheetRead(bytes, previewSurvey);
  if (preview.state === 'reading') {
    return (
      <Dialog title={t('survey.title', { name: fileName })} onCancel={() => onDone(null)} actions={<button onClick={() => onDone(null)}>{t('common.cancel')}</button>}>
        <p className="hint" role="status">
          {t('classification.reading')}
        </p>
      </Dialog>
    );
  }
  if (preview.state === 'failed') {
    return (
      <Dialog title={t('survey.title', { name: fileName })} onCancel={() => onDone(null)} actions={<button onClick={() => onDone(null)}>{t('common.close')}</button>}>
        <p className="error" role="alert">
          {t('survey.unreadable', { name: fileName, message: preview.message })}
        </p>
      </Dialog>
    );
  }
  return <SurveyMapping fileName={fileName} preview={preview.value} onDone={onDone} />;
}

/** The mapping itself, once the survey is read: a role for each column, and what a source is. */
function SurveyMapping({ fileName, preview, onDone }: { fileName: string; preview: SurveyPreview; onDone: Props['onDone'] }) {
  const { t } = useI18n();
  const initial = preview.mapping;
  const [roles, setRoles] = useState<Record<string, Role>>(() =>
    Object.fromEntries(
      preview.table.columns.map(
        (c) => [c, c === initial.idColumn ? 'id' : initial.answerColumns.includes(c) ? 'answer' : initial.attributeColumns.includes(c) ? 'attribute' : 'ignore'] as const,
      ),
    ),
  );
  const [sourcePer, setSourcePer] = useState<SurveyMapping['sourcePer']>('answer');
  // Shown in the order of the first guess, the columns left out last (a Qualtrics export
  // starts with seventeen columns about the response); the order stays while roles change.
  const [shown] = useState<number[]>(() => {
    const rank: Record<Role, number> = { id: 0, answer: 1, attribute: 2, ignore: 3 };
    return preview.table.columns.map((c, i) => i).sort((a, b) => rank[roles[preview.table.columns[a]]] - rank[roles[preview.table.columns[b]]] || a - b);
  });

  const { table } = preview;
  const idColumn = Object.keys(roles).find((c) => roles[c] === 'id');
  const answers = table.columns.filter((c) => roles[c] === 'answer');
  const valid = answers.length > 0;
  const respondent = t('survey.respondent');
  const setRole = (column: string, role: Role) =>
    setRoles((r) => {
      const next = { ...r, [column]: role };
      // Only one id column: the previous one becomes an attribute.
      if (role === 'id') for (const c of Object.keys(next)) if (c !== column && next[c] === 'id') next[c] = 'attribute';
      return next;
    });

  return (
    <Dialog
      wide
      title={t('survey.title', { name: fileName })}
      onCancel={() => onDone(null)}
      actions={
        <>
          <button onClick={() => onDone(null)}>{t('survey.skip')}</button>
          <button
            className="primary"
            disabled={!valid}
            onClick={() => onDone({ idColumn, respondent, answerColumns: answers, attributeColumns: table.columns.filter((c) => roles[c] === 'attribute'), sourcePer })}
          >
            {t('survey.import')}
          </button>
        </>
      }
    >
      <p className="hint">
        {table.writtenBy && <>{t('survey.writtenBy', { tool: table.writtenBy })} </>}
        {table.sheet !== undefined
          ? t('survey.detectedSheet', { rows: table.rows.length, sheet: table.sheet })
          : t('survey.detected', { rows: table.rows.length, delimiter: table.delimiter === '\t' ? 'tab' : table.delimiter, encoding: table.encoding })}
      </p>
      <div className="table-scroll">
        <table className="grid survey-preview">
          <thead>
            <tr>
              {shown
                .map((j) => table.columns[j])
                .map((c) => (
                  <th key={c}>
                    <div>{c}</div>
                    <select aria-label={t('survey.roleOf', { column: c })} value={roles[c]} onChange={(e) => setRole(c, e.target.value as Role)}>
                      <option value="id">{t('survey.role.id')}</option>
                      <option value="answer">{t('survey.role.answer')}</option>
                      <option value="attribute">{t('survey.role.attribute')}</option>
                      <option value="ignore">{t('survey.role.ignore')}</option>
                    </select>
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, 6).map((r, i) => (
              <tr key={i}>
                {shown.map((j) => (
                  <td key={j} className={roles[table.columns[j]]}>
                    {r[j].length > 120 ? r[j].slice(0, 120) + '…' : r[j]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="inline">
        <legend>{t('survey.sourcePer')}</legend>
        <label>
          <input type="radio" name="source-per" checked={sourcePer === 'answer'} onChange={() => setSourcePer('answer')} /> {t('survey.perAnswer')}
        </label>
        <label>
          <input type="radio" name="source-per" checked={sourcePer === 'respondent'} onChange={() => setSourcePer('respondent')} /> {t('survey.perRespondent')}
        </label>
      </fieldset>
      {!idColumn && <p className="hint">{t('survey.numbered', { first: `${respondent} 1`, second: `${respondent} 2` })}</p>}
      {!valid && <p className="error">{t('survey.needAnswer')}</p>}
    </Dialog>
  );
}
