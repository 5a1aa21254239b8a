import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { flattenTree } from '@core/coding/codes';
import { codePassages, type AutocodeRequest } from '@core/db/autocode';
import type { Code, Source, SourceContent } from '@core/model/types';
import {
  AUTOCODE_LEVELS,
  passagesOfHits,
  passagesOfSpeaker,
  passagesOfStructure,
  passagesToCode,
  speakersOf,
  structureOf,
  type AutocodeLevel,
  type Passage,
} from '@core/search/autocode';
import type { SearchHit } from '@core/search/search';
import { useCoding } from '../coding/CodingContext';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { useI18n } from '../i18n';

const NEW = '__new';
const PREVIEW = 12;

/** The code to code with: one of the codebook, or a new one named here. */
function CodePick({ codes, value, onChange, newName, onNewName }: { codes: Code[]; value: string; onChange(v: string): void; newName: string; onNewName(v: string): void }) {
  const { t } = useI18n();
  return (
    <div className="inline">
      <label>
        {t('autocode.code')}{' '}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value={NEW}>{t('autocode.newCode')}</option>
          {flattenTree(codes).map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u2003'.repeat(depth)}
              {code.name}
            </option>
          ))}
        </select>
      </label>
      {value === NEW && <input aria-label={t('autocode.newCodeName')} value={newName} onChange={(e) => onNewName(e.target.value)} />}
    </div>
  );
}

/** The passages that would be coded, a few of them quoted, and the button that codes them all. */
function Preview({ passages, textOf }: { passages: Passage[]; textOf(p: Passage): string }) {
  const { t } = useI18n();
  return (
    <>
      <p role="status">{t('autocode.preview', { count: passages.length })}</p>
      <ol className="autocode-preview">
        {passages.slice(0, PREVIEW).map((p) => (
          <li key={`${p.sourceId}:${p.start}`}>{textOf(p)}</li>
        ))}
      </ol>
      {passages.length > PREVIEW && <p className="hint">{t('autocode.more', { count: passages.length - PREVIEW })}</p>}
    </>
  );
}

/** The dialog every auto-coding shares: its choices above, and the button that codes the passages as one undo step. */
function AutocodeFrame({
  title,
  passages,
  codeId,
  newName,
  what,
  onClose,
  children,
}: {
  title: string;
  passages: Passage[];
  codeId: string;
  newName: string;
  what: AutocodeRequest['what'];
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const coding = useCoding();
  const code = () =>
    void coding.run(async () => {
      const { coded, code } = await codePassages(db, {
        projectId: coding.projectId,
        code: codeId === NEW ? { newName: newName.trim().slice(0, 120) } : { id: codeId },
        coderId: coding.coderId,
        passages,
        what,
      });
      coding.setStatus(t('autocode.done', { count: coded, name: code.name }));
      onClose();
    });
  return (
    <Dialog
      wide
      title={title}
      onCancel={onClose}
      actions={
        <>
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" disabled={!passages.length || (codeId === NEW && !newName.trim())} onClick={code}>
            {t('autocode.run', { count: passages.length })}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

function useContents(sourceIds: string[]): Map<string, SourceContent> | undefined {
  const key = sourceIds.join(',');
  return useLiveQuery(async () => new Map((await db.sourceContents.bulkGet(sourceIds)).filter((c): c is SourceContent => !!c).map((c) => [c.sourceId, c])), [key]);
}

function useCodedBy(codeId: string) {
  return useLiveQuery(() => (codeId === NEW ? [] : db.segments.where('codeId').equals(codeId).toArray()), [codeId]);
}

/** Codes the hits of a search at the level chosen, after showing what will be coded: one undo step. */
export function AutocodeDialog({ query, hits, codes, onClose }: { query: string; hits: SearchHit[]; codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const [codeId, setCodeId] = useState(codes[0]?.id ?? NEW);
  const [newName, setNewName] = useState(
    query
      .replace(/["“”«»*+-]/g, '')
      .trim()
      .slice(0, 60),
  );
  const [level, setLevel] = useState<AutocodeLevel>('paragraph');
  const [context, setContext] = useState(0);
  const contents = useContents(useMemo(() => [...new Set(hits.map((h) => h.sourceId))], [hits]));
  const existing = useCodedBy(codeId);
  const passages = useMemo(
    () =>
      contents && existing
        ? passagesToCode(
            passagesOfHits(hits, (id) => contents.get(id), { level, contextWords: context }),
            existing,
            codeId,
          )
        : [],
    [contents, existing, hits, level, context, codeId],
  );
  return (
    <AutocodeFrame title={t('autocode.title', { query })} passages={passages} codeId={codeId} newName={newName} what={{ kind: 'search', query }} onClose={onClose}>
      <CodePick codes={codes} value={codeId} onChange={setCodeId} newName={newName} onNewName={setNewName} />
      <fieldset className="inline-options">
        <legend>{t('autocode.level')}</legend>
        {AUTOCODE_LEVELS.map((l) => (
          <label key={l}>
            <input type="radio" name="autocode-level" checked={level === l} onChange={() => setLevel(l)} /> {t(`autocode.level.${l}`)}
          </label>
        ))}
      </fieldset>
      {(level === 'match' || level === 'sentence') && (
        <label>
          <input type="number" min={0} max={50} value={context} onChange={(e) => setContext(Math.max(0, Math.min(50, Number(e.target.value) || 0)))} /> {t('autocode.context')}
        </label>
      )}
      <Preview passages={passages} textOf={(p) => contents?.get(p.sourceId)?.text.slice(p.start, p.end) ?? ''} />
    </AutocodeFrame>
  );
}

/** Codes every turn of one speaker across the sources chosen: one undo step. */
export function SpeakerDialog({ projectId, sources, codes, onClose }: { projectId: string; sources: Source[]; codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const withTurns = useLiveQuery(async () => (await db.sourceContents.where('projectId').equals(projectId).toArray()).filter((c) => c.turns.length > 0), [projectId]);
  const speakers = useMemo(() => speakersOf(withTurns ?? []), [withTurns]);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const chosenSpeaker = speaker ?? speakers[0]?.speaker ?? '';
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [codeId, setCodeId] = useState(NEW);
  const [newName, setNewName] = useState<string | null>(null);
  const existing = useCodedBy(codeId);
  const chosen = (withTurns ?? []).filter((c) => !excluded.has(c.sourceId));
  const passages = existing ? passagesToCode(passagesOfSpeaker(chosen, chosenSpeaker), existing, codeId) : [];
  const byId = new Map((withTurns ?? []).map((c) => [c.sourceId, c]));
  const name = newName ?? chosenSpeaker;
  return (
    <AutocodeFrame title={t('autocode.speakerTitle')} passages={passages} codeId={codeId} newName={name} what={{ kind: 'speaker', speaker: chosenSpeaker }} onClose={onClose}>
      {withTurns && speakers.length === 0 && <p role="status">{t('autocode.noSpeakers')}</p>}
      {speakers.length > 0 && (
        <>
          <label>
            {t('autocode.speaker')}{' '}
            <select value={chosenSpeaker} onChange={(e) => setSpeaker(e.target.value)}>
              {speakers.map((s) => (
                <option key={s.speaker} value={s.speaker}>
                  {s.speaker} ({s.turns})
                </option>
              ))}
            </select>
          </label>
          <CodePick codes={codes} value={codeId} onChange={setCodeId} newName={name} onNewName={setNewName} />
          <details>
            <summary>{t('autocode.allSources', { count: chosen.length })}</summary>
            <ul className="code-picks">
              {(withTurns ?? []).map((c) => (
                <li key={c.sourceId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!excluded.has(c.sourceId)}
                      onChange={() =>
                        setExcluded((x) => {
                          const next = new Set(x);
                          if (next.has(c.sourceId)) next.delete(c.sourceId);
                          else next.add(c.sourceId);
                          return next;
                        })
                      }
                    />{' '}
                    {sources.find((s) => s.id === c.sourceId)?.name ?? c.sourceId}
                  </label>
                </li>
              ))}
            </ul>
          </details>
          <Preview passages={passages} textOf={(p) => byId.get(p.sourceId)?.text.slice(p.start, p.end) ?? ''} />
        </>
      )}
    </AutocodeFrame>
  );
}

/** Codes every section under one heading, or every answer to one survey question, across the sources: one undo step. */
export function StructureDialog({ projectId, sources, codes, onClose }: { projectId: string; sources: Source[]; codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const contents = useLiveQuery(() => db.sourceContents.where('projectId').equals(projectId).toArray(), [projectId]);
  const parts = useMemo(() => (contents ? structureOf(sources, contents) : []), [sources, contents]);
  const [key, setKey] = useState<string | null>(null);
  const part = parts.find((p) => p.key === key) ?? parts[0];
  const [codeId, setCodeId] = useState(NEW);
  const [newName, setNewName] = useState<string | null>(null);
  const existing = useCodedBy(codeId);
  const passages = part && contents && existing ? passagesToCode(passagesOfStructure(sources, contents, part.key), existing, codeId) : [];
  const byId = new Map((contents ?? []).map((c) => [c.sourceId, c]));
  const name = newName ?? part?.label ?? '';
  return (
    <AutocodeFrame title={t('autocode.structureTitle')} passages={passages} codeId={codeId} newName={name} what={{ kind: 'structure', part: part?.label ?? '' }} onClose={onClose}>
      {contents && parts.length === 0 && <p role="status">{t('autocode.noStructure')}</p>}
      {part && (
        <>
          <label>
            {t('autocode.part')}{' '}
            <select value={part.key} onChange={(e) => setKey(e.target.value)}>
              {parts.map((p) => (
                <option key={p.key} value={p.key}>
                  {t(p.kind === 'heading' ? 'autocode.heading' : 'autocode.question', { label: p.label, count: p.passages })}
                </option>
              ))}
            </select>
          </label>
          <CodePick codes={codes} value={codeId} onChange={setCodeId} newName={name} onNewName={setNewName} />
          <Preview passages={passages} textOf={(p) => byId.get(p.sourceId)?.text.slice(p.start, p.end) ?? ''} />
        </>
      )}
    </AutocodeFrame>
  );
}
