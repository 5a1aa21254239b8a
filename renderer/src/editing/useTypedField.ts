import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { rebaseTyping } from '@core/editing/concurrent-text';
import { draftKey, type Draft } from '@core/editing/drafts';
import type { TypedField } from '@core/editing/typed-field';
import { readTypedField, saveTypedField } from '@core/db/typed-fields';
import { newId } from '@core/util/id';
import { db } from '../db';
import { useI18n } from '../i18n';
import { windowId } from '../windows/window-identity';

/** Typing pauses this long before it is stored; continuous typing is stored at least this often. */
const QUIET_MS = 300;
const AT_MOST_MS = 1000;

/** Every field with typing not yet stored, so leaving the page stores them all. */
const unsaved = new Set<() => void>();
const flushAll = () => unsaved.forEach((save) => save());

/**
 * For fields that commit as a whole (a sheet cell, a name being edited): their pending
 * commit runs if the page goes away (reload, window closed) before they do. Returns the
 * function that withdraws it (once committed or cancelled).
 */
export function commitOnLeave(commit: () => void): () => void {
  unsaved.add(commit);
  return () => void unsaved.delete(commit);
}
addEventListener('pagehide', flushAll);
addEventListener('beforeunload', flushAll);
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushAll());

export interface TypedFieldState {
  value: string;
  onChange(value: string): void;
  /** Leaving the field stores it and ends its undo step. */
  onBlur(): void;
  /** Another window wrote the same field at the same time: both texts were kept. */
  conflict: boolean;
  /** Still reading the stored text. */
  loading: boolean;
}

/**
 * A field saved as the researcher types: each keystroke goes to a draft at once (kept
 * through a reload or crash), the store gets it after a short pause, a sitting in the
 * field is one undo step, and what another window writes appears here unless this window
 * is typing (then both texts are kept and the researcher is told).
 */
export function useTypedField(field: TypedField, projectId: string): TypedFieldState {
  const { t } = useI18n();
  const key = draftKey(field);
  const stored = useLiveQuery(() => readTypedField(db, field), [key]);
  const [value, setValue] = useState('');
  const [conflict, setConflict] = useState(false);
  const s = useRef({ value: '', base: '', dirty: false, ready: false, session: newId(), saving: false, again: false, timer: 0, firstChange: 0 });
  const marker = t('edit.bothKept', { time: new Date().toLocaleString() });
  const markerRef = useRef(marker);
  markerRef.current = marker;

  const save = useCallback(() => {
    const st = s.current;
    clearTimeout(st.timer);
    st.timer = 0;
    if (!st.dirty || !st.ready) return;
    if (st.saving) {
      st.again = true;
      return;
    }
    st.saving = true;
    const sent = st.value;
    void saveTypedField(db, field, sent, st.base, st.session, markerRef.current)
      .then((out) => {
        if (out.status === 'gone') {
          st.dirty = false;
          localStorage.removeItem(key);
          return;
        }
        st.base = out.stored;
        if (out.conflict) {
          setConflict(true);
          st.value = rebaseTyping(sent, out.stored, st.value);
          setValue(st.value);
        }
        if (st.value === sent || (out.conflict && st.value === out.stored)) {
          st.dirty = false;
          st.firstChange = 0;
          localStorage.removeItem(key);
          unsaved.delete(save);
        } else writeDraft(key, field, projectId, st.value, st.base, st.session);
      })
      .catch(() => {
        // The draft stays: the text is saved when the store can take it (a full disk freed, a reload).
      })
      .finally(() => {
        st.saving = false;
        if (st.again) {
          st.again = false;
          save();
        }
      });
    // field is described by key; projectId fixed for the field's life
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // The stored text arrives (or changes in another window): show it unless the researcher is typing here.
  useEffect(() => {
    if (stored === undefined) return;
    const st = s.current;
    const typedBeforeLoad = !st.ready && st.dirty;
    st.ready = true;
    if (typedBeforeLoad) {
      // Typed before the stored text arrived: it goes on after what the store holds, then is saved.
      st.value = rebaseTyping(st.base, stored, st.value);
      st.base = stored;
      setValue(st.value);
      save();
    } else if (!st.dirty && stored !== st.base) {
      st.base = stored;
      st.value = stored;
      setValue(stored);
    } else if (!st.dirty && stored !== st.value) {
      st.value = stored;
      setValue(stored);
    }
  }, [stored, save]);

  useEffect(() => () => save(), [save]);

  const onChange = useCallback(
    (next: string) => {
      const st = s.current;
      st.value = next;
      st.dirty = true;
      setValue(next);
      writeDraft(key, field, projectId, next, st.base, st.session);
      unsaved.add(save);
      const now = Date.now();
      if (!st.firstChange) st.firstChange = now;
      clearTimeout(st.timer);
      st.timer = window.setTimeout(save, now - st.firstChange >= AT_MOST_MS ? 0 : QUIET_MS);
      if (now - st.firstChange >= AT_MOST_MS) st.firstChange = now;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, save, projectId],
  );

  const onBlur = useCallback(() => {
    save();
    // The next sitting in this field is a new undo step.
    s.current.session = newId();
  }, [save]);

  return { value, onChange, onBlur, conflict, loading: stored === undefined };
}

/** Keeps what is being typed in a field until the store has it (see recoverDrafts). */
export function writeDraft(key: string, field: TypedField, projectId: string, value: string, base: string, session?: string) {
  const draft: Draft = { field, projectId, window: windowId, value, base, at: new Date().toISOString(), ...(session ? { session } : {}) };
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // localStorage full: the store still gets the text after the pause.
  }
}
