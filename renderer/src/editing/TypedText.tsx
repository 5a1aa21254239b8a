import type { TextareaHTMLAttributes } from 'react';
import type { TypedField } from '@core/editing/typed-field';
import { useI18n } from '../i18n';
import { useTypedField } from './useTypedField';

type Props = { field: TypedField; projectId: string; multiline?: boolean; className?: string; rows?: number; 'aria-label'?: string; id?: string; placeholder?: string } & Pick<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onKeyDown'
>;

/** A text field saved as the researcher types (see useTypedField): memos, codebook entries, summaries, names. */
export function TypedText({ field, projectId, multiline = true, className, rows, id, placeholder, onKeyDown, ...rest }: Props) {
  const { t } = useI18n();
  const f = useTypedField(field, projectId);
  // Never disabled while the stored text loads: keys typed at once stay in the field (a disabled
  // field lets them fall on whatever had focus, such as the "+ Memo" button that opened it).
  const common = { id, className, placeholder, value: f.value, 'aria-busy': f.loading, 'aria-label': rest['aria-label'], onBlur: f.onBlur };
  return (
    <>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => f.onChange(e.target.value)} onKeyDown={onKeyDown} />
      ) : (
        <input {...common} onChange={(e) => f.onChange(e.target.value)} onKeyDown={onKeyDown as never} />
      )}
      {f.conflict && (
        <p className="notice conflict" role="status">
          {t('edit.conflict')}
        </p>
      )}
    </>
  );
}
