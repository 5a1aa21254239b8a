import { useState } from 'react';
import { commandById } from '@core/app/commands';
import { keyLabel } from '@core/app/keys';
import type { MessageKey } from '@core/i18n';
import { isMac } from '../commands/CommandsContext';
import { useI18n } from '../i18n';

const DISMISSED = 'qda-studio.firstStepsDismissed';

/** The three steps of a first project, each with the command's own shortcut; dismissed once, for good. */
const STEPS: { title: MessageKey; text: MessageKey; command: string }[] = [
  { title: 'firstSteps.import', text: 'firstSteps.importText', command: 'sources.import' },
  { title: 'firstSteps.code', text: 'firstSteps.codeText', command: 'coding.quick-code' },
  { title: 'firstSteps.analyse', text: 'firstSteps.analyseText', command: 'view.analyses' },
];

export function FirstSteps() {
  const { t } = useI18n();
  const [hidden, setHidden] = useState(() => localStorage.getItem(DISMISSED) === 'yes');
  if (hidden) return null;
  return (
    <section className="first-steps" aria-label={t('firstSteps.title')}>
      <div className="first-steps-head">
        <h2>{t('firstSteps.title')}</h2>
        <button
          className="link"
          onClick={() => {
            localStorage.setItem(DISMISSED, 'yes');
            setHidden(true);
          }}
        >
          {t('common.dismiss')}
        </button>
      </div>
      <ol>
        {STEPS.map((step) => {
          const key = commandById(step.command)?.keys[0];
          return (
            <li key={step.command}>
              <strong>{t(step.title)}</strong> {t(step.text)} {key && <kbd>{keyLabel(key, isMac)}</kbd>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
