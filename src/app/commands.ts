import type { MessageKey } from '../i18n';
import { matchesKey, type KeyBinding, type KeyPress } from './keys';
import { foldText } from '../search/fold';

/** The project's views a command can show. */
export type ViewName = 'sources' | 'cases' | 'memos' | 'retrieval' | 'analyses' | 'codebook' | 'search';

/**
 * What the window looks like when a command is asked for: commands read it to say whether
 * they can act, and the keyboard reads `typing` so that letters typed in a field stay text.
 */
export interface CommandState {
  inProject: boolean;
  typing: boolean;
  /** Text is selected in a source. */
  hasSelection: boolean;
  /** A coded segment is selected in a source. */
  hasSegment: boolean;
  hasLastCode: boolean;
  /** The code the command is about: the focused row of the codebook, or the selected code. */
  codeId: string | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The text search shows hits (they can be coded, the search saved). */
  hasHits: boolean;
}

/** Where a command was asked for: the menu's Undo while typing undoes the typing. */
export type CommandVia = 'key' | 'menu' | 'palette' | 'button';

/**
 * What commands do, implemented by the window over the store (renderer/src/commands). Each
 * method is one researcher action; the data changes behind them are each one undo step.
 */
export interface Workbench {
  newProject(): void;
  closeProject(): void;
  importSources(): void;
  importFolder(): void;
  importClassification(): void;
  /** Saves the whole project as a REFI-QDA .qdpx file (a copy to keep, send or open elsewhere). */
  saveProjectCopy(): Promise<void>;
  /** Opens a .qdpx from any QDA tool as a new project. */
  openProjectFile(): void;
  /** Saves the codebook alone as a REFI-QDA .qdc file. */
  saveCodebookFile(): Promise<void>;
  /** Brings a .qdc codebook's codes into the project, after showing what it would change. */
  importCodebookFile(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Undo or redo inside the text field being typed in (the menu's Undo while typing). */
  editTyping(action: 'undo' | 'redo'): void;
  show(view: ViewName): void;
  openQuickCode(): void;
  openPalette(): void;
  openShortcuts(): void;
  codeWithLast(): Promise<void>;
  codeInVivo(): Promise<void>;
  uncodeSegment(): Promise<void>;
  moveSegmentEdge(edge: 'start' | 'end', direction: -1 | 1): Promise<void>;
  writeSegmentMemo(): void;
  clearSelection(): void;
  newCode(): void;
  applyCode(codeId: string): void;
  renameCode(codeId: string): void;
  showCodeActions(codeId: string): void;
  mergeCode(codeId: string): void;
  deleteCode(codeId: string): void;
  /** Codes every hit of the text search shown, after a preview. */
  autocodeHits(): void;
  /** Codes every turn of a speaker in chosen sources, after a preview. */
  codeSpeaker(): void;
  /** Codes every section under a heading, or every answer to a survey question, after a preview. */
  codeStructure(): void;
  /** Saves the text search shown beside the analyses. */
  saveSearch(): void;
  editThesaurus(): void;
  /** Chooses who is coding (the coder new segments record); edits the coders' names and colours. */
  switchCoder(): void;
  /** Merges a colleague's .qdpx copy of the project into this one, after confirming matches by name. */
  mergeCopy(): void;
  /** Opens the project's intercoder agreement analysis, made for its coders the first time. */
  openAgreement(): Promise<void>;
}

/** Where a key works: anywhere in the project, or only with a codebook row focused. */
export type CommandScope = 'app' | 'code-tree';

export type MenuName = 'file' | 'edit' | 'view' | 'code' | 'search' | 'team' | 'help';

export interface Command {
  id: string;
  label: MessageKey;
  /** The first key is the one shown in menus and tooltips. */
  keys: KeyBinding[];
  scope: CommandScope;
  /** Do its Ctrl/⌘ keys act while a text field has focus (plain letters never do). */
  whileTyping?: boolean;
  /** Listed in the command palette (commands about a focused row are not). */
  inPalette: boolean;
  enabled(state: CommandState): boolean;
  run(bench: Workbench, state: CommandState, via: CommandVia): void | Promise<void>;
}

const always = () => true;
const inProject = (s: CommandState) => s.inProject;
const withCode = (s: CommandState) => s.inProject && s.codeId !== null;
const show = (view: ViewName, label: MessageKey, key: KeyBinding): Command => ({
  id: `view.${view}`,
  label,
  keys: [key],
  scope: 'app',
  whileTyping: true,
  inPalette: true,
  enabled: inProject,
  run: (b) => b.show(view),
});
const moveEdge = (edge: 'start' | 'end', direction: -1 | 1, label: MessageKey, key: KeyBinding): Command => ({
  id: `segment.${edge}-${direction < 0 ? 'earlier' : 'later'}`,
  label,
  keys: [key],
  scope: 'app',
  inPalette: true,
  enabled: (s) => s.hasSegment,
  run: (b) => b.moveSegmentEdge(edge, direction),
});

/** Every action the keyboard, the menu, the toolbar, the palette and the help know of. */
export const COMMANDS: readonly Command[] = [
  { id: 'project.new', label: 'command.newProject', keys: ['Mod+Shift+N'], scope: 'app', whileTyping: true, inPalette: true, enabled: always, run: (b) => b.newProject() },
  { id: 'sources.import', label: 'command.importSources', keys: ['Mod+I'], scope: 'app', whileTyping: true, inPalette: true, enabled: inProject, run: (b) => b.importSources() },
  { id: 'sources.import-folder', label: 'command.importFolder', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.importFolder() },
  { id: 'cases.import-classification', label: 'command.importClassification', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.importClassification() },
  {
    id: 'project.save-copy',
    label: 'command.saveProjectCopy',
    keys: ['Mod+Shift+S'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: inProject,
    run: (b) => b.saveProjectCopy(),
  },
  {
    id: 'project.open-file',
    label: 'command.openProjectFile',
    keys: ['Mod+O'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: always,
    run: (b) => b.openProjectFile(),
  },
  { id: 'codebook.import-file', label: 'command.importCodebookFile', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.importCodebookFile() },
  { id: 'codebook.save-file', label: 'command.saveCodebookFile', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.saveCodebookFile() },
  { id: 'project.close', label: 'command.closeProject', keys: ['Mod+Shift+W'], scope: 'app', whileTyping: true, inPalette: true, enabled: inProject, run: (b) => b.closeProject() },
  {
    id: 'edit.undo',
    label: 'command.undo',
    keys: ['Mod+Z'],
    scope: 'app',
    inPalette: true,
    enabled: (s) => s.canUndo || s.typing,
    run: (b, s, via) => (s.typing && via === 'menu' ? b.editTyping('undo') : b.undo()),
  },
  {
    id: 'edit.redo',
    label: 'command.redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    scope: 'app',
    inPalette: true,
    enabled: (s) => s.canRedo || s.typing,
    run: (b, s, via) => (s.typing && via === 'menu' ? b.editTyping('redo') : b.redo()),
  },
  show('sources', 'command.showSources', 'Mod+1'),
  show('cases', 'command.showCases', 'Mod+2'),
  show('memos', 'command.showMemos', 'Mod+3'),
  show('retrieval', 'command.showRetrieval', 'Mod+4'),
  show('analyses', 'command.showAnalyses', 'Mod+5'),
  show('codebook', 'command.showCodebook', 'Mod+6'),
  {
    id: 'view.search',
    label: 'command.showSearch',
    keys: ['Mod+Shift+F', 'Mod+7'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: inProject,
    run: (b) => b.show('search'),
  },
  {
    id: 'search.autocode',
    label: 'command.autocodeHits',
    keys: ['Mod+Shift+H'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: (s) => s.hasHits,
    run: (b) => b.autocodeHits(),
  },
  {
    id: 'search.code-speaker',
    label: 'command.codeSpeaker',
    keys: ['Mod+Alt+T'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: inProject,
    run: (b) => b.codeSpeaker(),
  },
  {
    id: 'search.code-structure',
    label: 'command.codeStructure',
    keys: ['Mod+Alt+H'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: inProject,
    run: (b) => b.codeStructure(),
  },
  { id: 'search.save', label: 'command.saveSearch', keys: ['Mod+Alt+S'], scope: 'app', whileTyping: true, inPalette: true, enabled: (s) => s.hasHits, run: (b) => b.saveSearch() },
  { id: 'search.thesaurus', label: 'command.editThesaurus', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.editThesaurus() },
  { id: 'team.switch-coder', label: 'command.switchCoder', keys: ['Mod+Alt+U'], scope: 'app', whileTyping: true, inPalette: true, enabled: inProject, run: (b) => b.switchCoder() },
  { id: 'team.merge', label: 'command.mergeCopy', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.mergeCopy() },
  { id: 'team.agreement', label: 'command.newAgreement', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.openAgreement() },
  {
    id: 'coding.quick-code',
    label: 'command.quickCode',
    keys: ['Mod+K', 'C'],
    scope: 'app',
    whileTyping: true,
    inPalette: true,
    enabled: inProject,
    run: (b) => b.openQuickCode(),
  },
  { id: 'coding.last-code', label: 'command.lastCode', keys: ['L'], scope: 'app', inPalette: true, enabled: (s) => s.hasSelection && s.hasLastCode, run: (b) => b.codeWithLast() },
  { id: 'coding.in-vivo', label: 'command.inVivo', keys: ['V'], scope: 'app', inPalette: true, enabled: (s) => s.hasSelection, run: (b) => b.codeInVivo() },
  { id: 'coding.uncode', label: 'command.uncode', keys: ['U'], scope: 'app', inPalette: true, enabled: (s) => s.hasSegment, run: (b) => b.uncodeSegment() },
  moveEdge('start', -1, 'command.startEarlier', 'Alt+ArrowLeft'),
  moveEdge('start', 1, 'command.startLater', 'Alt+ArrowRight'),
  moveEdge('end', -1, 'command.endEarlier', 'Alt+Shift+ArrowLeft'),
  moveEdge('end', 1, 'command.endLater', 'Alt+Shift+ArrowRight'),
  { id: 'coding.segment-memo', label: 'command.segmentMemo', keys: ['M'], scope: 'app', inPalette: true, enabled: (s) => s.hasSegment, run: (b) => b.writeSegmentMemo() },
  {
    id: 'coding.clear-selection',
    label: 'command.clearSelection',
    keys: ['Escape'],
    scope: 'app',
    inPalette: false,
    enabled: (s) => s.hasSelection || s.hasSegment,
    run: (b) => b.clearSelection(),
  },
  { id: 'code.new', label: 'command.newCode', keys: [], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.newCode() },
  { id: 'code.apply', label: 'command.applyCode', keys: ['Enter'], scope: 'code-tree', inPalette: false, enabled: withCode, run: (b, s) => b.applyCode(s.codeId!) },
  { id: 'code.rename', label: 'command.renameCode', keys: ['F2'], scope: 'code-tree', inPalette: true, enabled: withCode, run: (b, s) => b.renameCode(s.codeId!) },
  {
    id: 'code.actions',
    label: 'command.codeActions',
    keys: ['Shift+F10', 'ContextMenu'],
    scope: 'code-tree',
    inPalette: false,
    enabled: withCode,
    run: (b, s) => b.showCodeActions(s.codeId!),
  },
  { id: 'code.merge', label: 'command.mergeCode', keys: [], scope: 'code-tree', inPalette: true, enabled: withCode, run: (b, s) => b.mergeCode(s.codeId!) },
  { id: 'code.delete', label: 'command.deleteCode', keys: ['Delete'], scope: 'code-tree', inPalette: true, enabled: withCode, run: (b, s) => b.deleteCode(s.codeId!) },
  { id: 'help.palette', label: 'command.palette', keys: ['Mod+Shift+P'], scope: 'app', whileTyping: true, inPalette: false, enabled: inProject, run: (b) => b.openPalette() },
  { id: 'help.shortcuts', label: 'command.shortcuts', keys: ['?'], scope: 'app', inPalette: true, enabled: inProject, run: (b) => b.openShortcuts() },
];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: string): Command | undefined {
  return byId.get(id);
}

/**
 * The command a keydown asks for in this scope, or none. Keys that type letters act only
 * when no text field has focus; a command that cannot act lets the key through.
 */
export function commandForKey(press: KeyPress, state: CommandState, scope: CommandScope = 'app'): Command | undefined {
  const acts = (c: Command, k: KeyBinding) => (!state.typing || (c.whileTyping && k.startsWith('Mod+'))) && matchesKey(k, press);
  return COMMANDS.find((c) => c.scope === scope && c.keys.some((k) => acts(c, k)) && c.enabled(state));
}

/**
 * Keys that belong to the browser's text selection and to the codebook as a tree widget:
 * not commands, but the help lists them beside the commands.
 */
export const WIDGET_KEYS: { keys: KeyBinding[]; label: MessageKey }[] = [
  { keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'], label: 'keys.extend' },
  { keys: ['Home', 'End'], label: 'keys.ends' },
  { keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'], label: 'keys.tree' },
];

/** The application menu: command ids, separators, and the system's own items. */
export type MenuEntry =
  { command: string } | { separator: true } | { role: 'cut' | 'copy' | 'paste' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'quit' | 'close' };

export const MENUS: { name: MenuName; label: MessageKey; entries: MenuEntry[] }[] = [
  {
    name: 'file',
    label: 'menu.file',
    entries: [
      { command: 'project.new' },
      { command: 'sources.import' },
      { command: 'sources.import-folder' },
      { command: 'cases.import-classification' },
      { separator: true },
      { command: 'project.open-file' },
      { command: 'project.save-copy' },
      { command: 'codebook.import-file' },
      { command: 'codebook.save-file' },
      { separator: true },
      { command: 'project.close' },
      { separator: true },
      { role: 'quit' },
    ],
  },
  {
    name: 'edit',
    label: 'menu.edit',
    entries: [{ command: 'edit.undo' }, { command: 'edit.redo' }, { separator: true }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  },
  {
    name: 'view',
    label: 'menu.view',
    entries: [
      { command: 'view.sources' },
      { command: 'view.cases' },
      { command: 'view.memos' },
      { command: 'view.retrieval' },
      { command: 'view.analyses' },
      { command: 'view.codebook' },
      { command: 'view.search' },
      { separator: true },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
    ],
  },
  {
    name: 'code',
    label: 'menu.code',
    entries: [
      { command: 'coding.quick-code' },
      { command: 'coding.last-code' },
      { command: 'coding.in-vivo' },
      { command: 'coding.uncode' },
      { command: 'coding.segment-memo' },
      { separator: true },
      { command: 'code.new' },
    ],
  },
  {
    name: 'search',
    label: 'menu.search',
    entries: [
      { command: 'view.search' },
      { separator: true },
      { command: 'search.autocode' },
      { command: 'search.code-speaker' },
      { command: 'search.code-structure' },
      { command: 'search.save' },
      { separator: true },
      { command: 'search.thesaurus' },
    ],
  },
  { name: 'team', label: 'menu.team', entries: [{ command: 'team.switch-coder' }, { separator: true }, { command: 'team.merge' }, { command: 'team.agreement' }] },
  { name: 'help', label: 'menu.help', entries: [{ command: 'help.palette' }, { command: 'help.shortcuts' }] },
];

/**
 * The palette's list for what the researcher typed: every word must appear in the command's
 * label (accents and case aside); labels that start with the first word come first.
 */
export function searchCommands(query: string, labelOf: (c: Command) => string): Command[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const listed = COMMANDS.filter((c) => c.inPalette).map((c) => ({ command: c, label: foldText(labelOf(c)) }));
  const hits = listed.filter(({ label }) => words.every((w) => label.includes(w)));
  if (words.length === 0) return hits.map((h) => h.command);
  return hits.sort((a, b) => Number(!a.label.startsWith(words[0])) - Number(!b.label.startsWith(words[0]))).map((h) => h.command);
}
