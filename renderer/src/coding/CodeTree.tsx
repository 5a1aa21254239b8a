import { memo, useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { childrenOf, subtreeIds } from '@core/coding/codes';
import { createCode, editCode, moveCode } from '@core/db/coding';
import { commitOnLeave } from '../editing/useTypedField';
import { hasAllWords } from '@core/search/fold';
import type { CodeCount } from '@core/coding/counts';
import type { Code } from '@core/model/types';
import { db } from '../db';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';
import { commandForKey } from '@core/app/commands';
import { useCommands } from '../commands/CommandsContext';

export const CODE_DRAG_TYPE = 'application/x-qda-code';

interface Props {
  codes: Code[];
  counts: Map<string, CodeCount>;
  selectedCodeId: string | null;
  onSelectCode(id: string): void;
  onAskDelete(code: Code): void;
  onAskMerge(code: Code): void;
  /** A command asked for from elsewhere (the palette, the menu): rename, the row's menu, a new code. */
  request?: CodeRequest | null;
}

export interface CodeRequest {
  action: 'rename' | 'actions' | 'new';
  codeId: string | null;
  /** Counts requests, so asking twice for the same thing acts twice. */
  n: number;
}

interface CodeNameDraft {
  id: string | null;
  parentId: string | null;
  name: string;
}

function readCodeNameDraft(key: string): CodeNameDraft | null {
  try {
    const d = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<CodeNameDraft> | null;
    return d && typeof d.name === 'string' && (d.id === null || typeof d.id === 'string') && (d.parentId === null || typeof d.parentId === 'string')
      ? { id: d.id, parentId: d.parentId, name: d.name }
      : null;
  } catch {
    return null;
  }
}

type DropPlace = { id: string; where: 'before' | 'inside' | 'after' } | null;

/** The codebook as a tree: code by clicking, drag to move, filter to find one among hundreds. */
export function CodeTree({ codes, counts, selectedCodeId, onSelectCode, onAskDelete, onAskMerge, request }: Props) {
  const { t } = useI18n();
  const coding = useCoding();
  const commands = useCommands();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  // A code name being typed is kept at every key on this machine: a crash before Enter loses
  // nothing, and the box opens again with the name when the project does.
  const draftKey = `qda-studio.codeNameDraft.${coding.projectId}`;
  const [editing, setEditingState] = useState<CodeNameDraft | null>(() => readCodeNameDraft(draftKey));
  const setEditing = (next: CodeNameDraft | null | ((e: CodeNameDraft | null) => CodeNameDraft | null)) =>
    setEditingState((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      if (value) localStorage.setItem(draftKey, JSON.stringify(value));
      else localStorage.removeItem(draftKey);
      return value;
    });
  const [drop, setDrop] = useState<DropPlace>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const tree = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => {
    if (!filter.trim()) return null;
    const keep = new Set<string>();
    const byId = new Map(codes.map((c) => [c.id, c]));
    for (const c of codes) {
      if (hasAllWords(`${c.name} ${c.description}`, filter)) {
        for (let x: Code | undefined = c; x; x = x.parentId ? byId.get(x.parentId) : undefined) keep.add(x.id);
      }
    }
    return keep;
  }, [codes, filter]);

  const rows: Row[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of childrenOf(codes, parentId)) {
      if (visible && !visible.has(c.id)) continue;
      const hasChildren = codes.some((x) => x.parentId === c.id);
      rows.push({ code: c, depth, hasChildren });
      if (!collapsed.has(c.id) || visible) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);

  const saveEdit = async () => {
    if (!editing) return;
    const name = editing.name.trim();
    setEditing(null);
    if (!name) return;
    await coding.run(async () => {
      if (editing.id) await editCode(db, editing.id, { name });
      else {
        const code = await createCode(db, coding.projectId, name, editing.parentId);
        onSelectCode(code.id);
      }
    });
  };
  // A name being typed is saved if the page goes away first (a reload, a closed window).
  const pendingSave = useRef(saveEdit);
  pendingSave.current = saveEdit;
  const isEditing = editing !== null;
  useEffect(() => (isEditing ? commitOnLeave(() => void pendingSave.current()) : undefined), [isEditing]);

  const onDragOver = (e: DragEvent<HTMLElement>, id: string) => {
    const types = e.dataTransfer.types;
    if (!types.includes(CODE_DRAG_TYPE) && !types.includes('text/plain')) return;
    e.preventDefault();
    if (!types.includes(CODE_DRAG_TYPE)) return setDrop({ id, where: 'inside' });
    const box = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - box.top) / box.height;
    setDrop({ id, where: y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside' });
  };
  const onDrop = async (e: DragEvent<HTMLElement>, target: Code) => {
    e.preventDefault();
    const place = drop;
    setDrop(null);
    const dragged = e.dataTransfer.getData(CODE_DRAG_TYPE);
    if (!dragged) return void coding.codeSelection(target.id); // text dropped on a code
    if (dragged === target.id || !place) return;
    await coding.run(async () => {
      if (place.where === 'inside') await moveCode(db, coding.projectId, dragged, target.id, Number.MAX_SAFE_INTEGER);
      else {
        const siblings = childrenOf(codes, target.parentId).filter((c) => c.id !== dragged);
        const index = siblings.findIndex((c) => c.id === target.id) + (place.where === 'after' ? 1 : 0);
        await moveCode(db, coding.projectId, dragged, target.parentId, index);
      }
    });
  };

  // Rows are memoised: they get one stable object whose methods call the latest handlers.
  const latest = useRef<Latest>(null as unknown as Latest);
  const actions = useMemo<RowActions>(
    () => ({
      dragOver: (e, id) => latest.current.onDragOver(e, id),
      dragLeave: () => latest.current.setDrop(null),
      drop: (e, code) => void latest.current.onDrop(e, code),
      keyDown: (e, index, row) => latest.current.onKeyDown(e, index, row),
      toggle: (id) => latest.current.setCollapsed((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id]))),
      expand: (id) => latest.current.setCollapsed((c) => new Set([...c].filter((x) => x !== id))),
      recolour: (id, color) => void latest.current.coding.run(() => editCode(db, id, { color })),
      click: (id) => (latest.current.coding.selection ? void latest.current.coding.codeSelection(id) : latest.current.onSelectCode(id)),
      rename: (code) => latest.current.setEditing({ id: code.id, parentId: code.parentId, name: code.name }),
      newSubcode: (code) => latest.current.setEditing({ id: null, parentId: code.id, name: '' }),
      menu: (id) => latest.current.setMenuFor(id),
      describe: (id) => latest.current.onSelectCode(id),
      merge: (code) => latest.current.onAskMerge(code),
      toTop: (id) => void latest.current.coding.run(() => moveCode(db, latest.current.coding.projectId, id, null, Number.MAX_SAFE_INTEGER)),
      remove: (code) => latest.current.onAskDelete(code),
    }),
    [],
  );

  const focusRow = (index: number) => tree.current?.querySelectorAll<HTMLElement>('[role="treeitem"]')[index]?.focus();
  const onKeyDown = (e: KeyboardEvent<HTMLElement>, index: number, row: (typeof rows)[number]) => {
    if (e.target !== e.currentTarget) return;
    // Moving in the tree is the widget's own; acting on a code goes through the commands.
    if (e.key === 'ArrowDown') focusRow(Math.min(rows.length - 1, index + 1));
    else if (e.key === 'ArrowUp') focusRow(Math.max(0, index - 1));
    else if (e.key === 'ArrowRight' && row.hasChildren) setCollapsed((c) => new Set([...c].filter((x) => x !== row.code.id)));
    else if (e.key === 'ArrowLeft' && row.hasChildren) setCollapsed((c) => new Set([...c, row.code.id]));
    else {
      const about = { ...commands.state, codeId: row.code.id, typing: false };
      const command = commandForKey(e, about, 'code-tree');
      if (!command || !commands.run(command, 'key', about)) return;
    }
    e.preventDefault();
  };

  // Commands about a code asked for from the palette or the menu.
  useEffect(() => {
    if (!request) return;
    const code = codes.find((c) => c.id === request.codeId);
    if (request.action === 'new') setEditing({ id: null, parentId: null, name: '' });
    else if (code && request.action === 'rename') setEditing({ id: code.id, parentId: code.parentId, name: code.name });
    else if (code && request.action === 'actions') {
      setMenuFor(code.id);
      setTimeout(() => tree.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(code.id)}"] [role="menuitem"]`)?.focus(), 0);
    }
    // Each request acts once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const editor = (
    <input
      className="code-edit"
      autoFocus
      aria-label={editing?.id ? t('codes.renameLabel') : t('codes.newName')}
      value={editing?.name ?? ''}
      onChange={(e) => setEditing((ed) => ed && { ...ed, name: e.target.value })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void saveEdit();
        if (e.key === 'Escape') setEditing(null);
      }}
      onBlur={() => void saveEdit()}
    />
  );

  latest.current = { onDragOver, onDrop, onKeyDown, setDrop, setMenuFor, setEditing, setCollapsed, onSelectCode, onAskDelete, onAskMerge, coding };

  return (
    <div className="code-tree">
      <div className="code-tree-tools">
        <input type="search" placeholder={t('codes.filter')} aria-label={t('codes.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button onClick={() => setEditing({ id: null, parentId: null, name: '' })} title={t('codes.newTitle')}>
          + {t('codes.new')}
        </button>
      </div>
      {editing && !editing.id && editing.parentId === null && <div className="code-row new">{editor}</div>}
      {codes.length === 0 && !editing && <p className="drop-hint">{t('codes.empty')}</p>}
      <ul role="tree" aria-label={t('codes.tree')} ref={tree} className="tree">
        {rows.map((row, index) => (
          <CodeRow
            key={row.code.id}
            row={row}
            index={index}
            count={counts.get(row.code.id)}
            collapsed={collapsed.has(row.code.id) && !visible}
            selected={selectedCodeId === row.code.id}
            drop={drop?.id === row.code.id ? drop.where : null}
            menuOpen={menuFor === row.code.id}
            editor={editing?.id === row.code.id ? editor : null}
            subEditor={editing && !editing.id && editing.parentId === row.code.id ? editor : null}
            actions={actions}
          />
        ))}
      </ul>
    </div>
  );
}

type Row = { code: Code; depth: number; hasChildren: boolean };

interface Latest {
  onDragOver(e: DragEvent<HTMLElement>, id: string): void;
  onDrop(e: DragEvent<HTMLElement>, code: Code): Promise<void>;
  onKeyDown(e: KeyboardEvent<HTMLElement>, index: number, row: Row): void;
  setDrop(d: DropPlace): void;
  setMenuFor(id: string | null): void;
  setEditing(e: { id: string | null; parentId: string | null; name: string } | null): void;
  setCollapsed(f: (c: Set<string>) => Set<string>): void;
  onSelectCode(id: string): void;
  onAskDelete(code: Code): void;
  onAskMerge(code: Code): void;
  coding: ReturnType<typeof useCoding>;
}

interface RowActions {
  dragOver(e: DragEvent<HTMLElement>, id: string): void;
  dragLeave(): void;
  drop(e: DragEvent<HTMLElement>, code: Code): void;
  keyDown(e: KeyboardEvent<HTMLElement>, index: number, row: Row): void;
  toggle(id: string): void;
  expand(id: string): void;
  recolour(id: string, color: string): void;
  click(id: string): void;
  rename(code: Code): void;
  newSubcode(code: Code): void;
  menu(id: string | null): void;
  describe(id: string): void;
  merge(code: Code): void;
  toTop(id: string): void;
  remove(code: Code): void;
}

interface RowProps {
  row: Row;
  index: number;
  count: CodeCount | undefined;
  collapsed: boolean;
  selected: boolean;
  drop: 'before' | 'inside' | 'after' | null;
  menuOpen: boolean;
  editor: ReactNode;
  subEditor: ReactNode;
  actions: RowActions;
}

/** One code in the tree; re-renders only when its own code, count or state changes. */
const CodeRow = memo(function CodeRow({ row, index, count, collapsed, selected, drop, menuOpen, editor, subEditor, actions }: RowProps) {
  const { t } = useI18n();
  const { code, depth, hasChildren } = row;
  return (
    <li
      role="treeitem"
      data-code-id={code.id}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={selected}
      aria-labelledby={`code-name-${code.id} code-count-${code.id}`}
      tabIndex={index === 0 ? 0 : -1}
      className={`code-row${selected ? ' selected' : ''}${drop ? ` drop-${drop}` : ''}`}
      style={{ '--depth': depth, '--code': code.color } as CSSProperties}
      draggable={!editor}
      onDragStart={(e) => {
        e.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
        e.dataTransfer.setData('text/plain', code.name);
        e.dataTransfer.effectAllowed = 'copyMove';
      }}
      onDragOver={(e) => actions.dragOver(e, code.id)}
      onDragLeave={actions.dragLeave}
      onDrop={(e) => actions.drop(e, code)}
      onKeyDown={(e) => actions.keyDown(e, index, row)}
      title={
        [
          code.description,
          code.inclusion && `${t('codes.inclusion')}: ${code.inclusion}`,
          code.exclusion && `${t('codes.exclusion')}: ${code.exclusion}`,
          code.example && `${t('codes.example')}: ${code.example}`,
        ]
          .filter(Boolean)
          .join('\n') || undefined
      }
    >
      <button className="twisty" tabIndex={-1} aria-hidden onClick={() => actions.toggle(code.id)} style={{ visibility: hasChildren ? 'visible' : 'hidden' }}>
        {collapsed ? '▸' : '▾'}
      </button>
      <label className="swatch" title={t('codes.colour')}>
        <input type="color" value={code.color} aria-label={t('codes.colourOf', { name: code.name })} onChange={(e) => actions.recolour(code.id, e.target.value)} tabIndex={-1} />
      </label>
      {editor ?? (
        <button id={`code-name-${code.id}`} className="code-name" tabIndex={-1} onClick={() => actions.click(code.id)} onDoubleClick={() => actions.rename(code)}>
          {code.name}
        </button>
      )}
      <CodeCountBadge id={`code-count-${code.id}`} count={count} hasChildren={hasChildren} />
      <button className="icon more" tabIndex={-1} aria-label={t('codes.actionsFor', { name: code.name })} onClick={() => actions.menu(menuOpen ? null : code.id)}>
        ⋯
      </button>
      {menuOpen && (
        <div className="menu" role="menu" onMouseLeave={() => actions.menu(null)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), actions.menu(null))}>
          <button role="menuitem" onClick={() => (actions.menu(null), actions.rename(code))}>
            {t('codes.rename')}
          </button>
          <button role="menuitem" onClick={() => (actions.menu(null), actions.expand(code.id), actions.newSubcode(code))}>
            {t('codes.newSubcode')}
          </button>
          <button role="menuitem" onClick={() => (actions.menu(null), actions.describe(code.id))}>
            {t('codes.describe')}
          </button>
          <button role="menuitem" onClick={() => (actions.menu(null), actions.merge(code))}>
            {t('codes.mergeInto')}
          </button>
          {code.parentId && (
            <button role="menuitem" onClick={() => (actions.menu(null), actions.toTop(code.id))}>
              {t('codes.toTop')}
            </button>
          )}
          <button role="menuitem" className="danger" onClick={() => (actions.menu(null), actions.remove(code))}>
            {t('codes.delete')}
          </button>
        </div>
      )}
      {subEditor && <div className="code-row new sub">{subEditor}</div>}
    </li>
  );
}, sameRow);

/** Rows and counts are rebuilt on every change; compare what they hold. */
function sameRow(a: RowProps, b: RowProps): boolean {
  const c = a.count;
  const d = b.count;
  const sameCount =
    c === d ||
    (!!c && !!d && c.segments === d.segments && c.sources === d.sources && c.segmentsWithSubcodes === d.segmentsWithSubcodes && c.sourcesWithSubcodes === d.sourcesWithSubcodes);
  return (
    sameCount &&
    a.row.code === b.row.code &&
    a.row.depth === b.row.depth &&
    a.row.hasChildren === b.row.hasChildren &&
    a.index === b.index &&
    a.collapsed === b.collapsed &&
    a.selected === b.selected &&
    a.drop === b.drop &&
    a.menuOpen === b.menuOpen &&
    a.editor === b.editor &&
    a.subEditor === b.subEditor &&
    a.actions === b.actions
  );
}

/** The numbers beside a code: its segments (with its subcodes in brackets); sources for screen readers and on hover. */
function CodeCountBadge({ id, count, hasChildren }: { id: string; count: CodeCount | undefined; hasChildren: boolean }) {
  const { t } = useI18n();
  const label = `${t('count.segments', { count: count?.segments ?? 0 })}, ${t('count.sources', { count: count?.sources ?? 0 })}`;
  const withSub =
    hasChildren && count
      ? t('codes.withSubcodes', { segments: t('count.segments', { count: count.segmentsWithSubcodes }), sources: t('count.sources', { count: count.sourcesWithSubcodes }) })
      : '';
  return (
    <span className="code-count" id={id} aria-label={label} title={withSub ? `${label} · ${withSub}` : label}>
      {count?.segments ?? 0}
      {hasChildren && count && count.segmentsWithSubcodes !== count.segments ? <span className="with-sub"> ({count.segmentsWithSubcodes})</span> : null}
    </span>
  );
}

/** Codes that may receive a merge from `code`: any but itself and its own subcodes. */
export function mergeTargets(codes: Code[], code: Code): Code[] {
  const own = subtreeIds(codes, code.id);
  return codes.filter((c) => !own.has(c.id));
}
