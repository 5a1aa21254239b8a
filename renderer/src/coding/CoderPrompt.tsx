import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';

export const USER_KEY = 'qda-studio.user';

/** Asked once: the name every segment records as its coder. */
export function CoderPrompt({ onDone }: { onDone(name: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const done = () => {
    const n = name.trim() || t('coder.default');
    localStorage.setItem(USER_KEY, n);
    onDone(n);
  };
  return (
    <Dialog
      title={t('coder.title')}
      onCancel={done}
      actions={
        <button className="primary" onClick={done}>
          {t('common.save')}
        </button>
      }
    >
      <p>{t('coder.explain')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          done();
        }}
      >
        <input aria-label={t('coder.name')} placeholder={t('coder.placeholder')} value={name} onChange={(e) => setName(e.target.value)} />
      </form>
    </Dialog>
  );
}
