import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

/**
 * The server's story bank request; other editors use it too (README). The types below are its
 * wire shape, as server/src/core/bank/types.ts declares it: the client is built on its own and
 * cannot import the server's sources.
 */
export const STORIES_REQUEST = 'starNotes/stories';
/** The server's word that a file it indexed changed or went away: the bank may read differently. */
const STORIES_CHANGED_NOTIFICATION = 'starNotes/storiesChanged';

export type SlotState = 'done' | 'weak' | 'missing';

export interface StoryEntry {
  uri: string;
  title: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  framework: string;
  complete: boolean;
  slots: { letter: string; name: string; state: SlotState }[];
  words: number;
  seconds: number;
  hints: number;
  themes: { id: string; name: string; guess: boolean }[];
}

export interface StoriesResult {
  stories: StoryEntry[];
  themes: { id: string; name: string; covered: boolean }[];
}

export type Grouping = 'file' | 'theme';

export const VIEW_ID = 'starNotes.stories';
const GROUPING_KEY = 'starNotes.storyBank.grouping';
const REVEAL_COMMAND = 'starNotes.storyBank.reveal';
/** Diagnostics arrive per document, and files are indexed one after another: one request after they settle. */
const DEBOUNCE_MS = 400;

export type StoryNode =
  | { type: 'file'; uri: string; stories: StoryEntry[] }
  | { type: 'theme'; id: string; name: string; covered: boolean; stories: StoryEntry[] }
  | { type: 'story'; entry: StoryEntry; group: string; guess: boolean };

const MARKS: Readonly<Record<SlotState, string>> = { done: '✓', weak: '⚠', missing: '✗' };

/** "S ✓ T ⚠ A ✗ R ✓", as the code lens writes it. */
function slotMarks(entry: StoryEntry): string {
  return entry.slots.map((slot) => `${slot.letter} ${MARKS[slot.state]}`).join(' ');
}

/** "~1m36s", "~2m", "~45s": the format of the server's spokenTime (core/coach/stats.ts), for the seconds the wire carries. */
export function spokenTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `~${whole}s`;
  const rest = whole % 60;
  return `~${Math.floor(whole / 60)}m${rest === 0 ? '' : `${String(rest).padStart(2, '0')}s`}`;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const storyCount = (count: number) => plural(count, 'story', 'stories');

/** The story bank as a tree: files or question themes, and their stories. */
export class StoryBankProvider implements vscode.TreeDataProvider<StoryNode> {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #result: StoriesResult = { stories: [], themes: [] };
  #grouping: Grouping;

  constructor(grouping: Grouping) {
    this.#grouping = grouping;
  }

  get result(): StoriesResult {
    return this.#result;
  }

  set result(result: StoriesResult) {
    this.#result = result;
    this.#changed.fire();
  }

  get grouping(): Grouping {
    return this.#grouping;
  }

  set grouping(grouping: Grouping) {
    this.#grouping = grouping;
    this.#changed.fire();
  }

  getChildren(node?: StoryNode): StoryNode[] {
    if (!node) return this.#grouping === 'file' ? this.#byFile() : this.#byTheme();
    if (node.type === 'story') return [];
    const group = `${node.type}:${node.type === 'file' ? node.uri : node.id}`;
    return node.stories.map((entry) => ({
      type: 'story',
      entry,
      group,
      guess: node.type === 'theme' && entry.themes.some((theme) => theme.id === node.id && theme.guess),
    }));
  }

  getTreeItem(node: StoryNode): vscode.TreeItem {
    if (node.type === 'story') return storyItem(node);
    const complete = node.stories.filter((entry) => entry.complete).length;
    if (node.type === 'file') {
      const uri = vscode.Uri.parse(node.uri);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `file:${node.uri}`;
      const relative = vscode.workspace.asRelativePath(uri, false);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.description = `${folder ? `${folder} · ` : ''}${complete}/${node.stories.length} complete`;
      item.tooltip = `${vscode.workspace.asRelativePath(uri)}: ${complete} of ${storyCount(node.stories.length)} complete`;
      item.contextValue = 'file';
      return item;
    }
    const item = new vscode.TreeItem(node.name, node.stories.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `theme:${node.id}`;
    if (node.id === NO_THEME) {
      item.description = storyCount(node.stories.length);
      item.iconPath = new vscode.ThemeIcon('question');
    } else {
      item.description = node.stories.length === 0 ? 'no story yet' : `${storyCount(node.stories.length)}${node.covered ? '' : ' · none complete'}`;
      item.iconPath = node.covered ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('circle-large-outline');
      item.tooltip = node.covered ? `A complete story answers "${node.name}" questions.` : `No complete story answers "${node.name}" questions yet.`;
    }
    item.contextValue = 'theme';
    return item;
  }

  #byFile(): StoryNode[] {
    const files = new Map<string, StoryEntry[]>();
    for (const entry of this.#result.stories) {
      const stories = files.get(entry.uri);
      if (stories) stories.push(entry);
      else files.set(entry.uri, [entry]);
    }
    return [...files]
      .sort(([a], [b]) => vscode.workspace.asRelativePath(vscode.Uri.parse(a)).localeCompare(vscode.workspace.asRelativePath(vscode.Uri.parse(b))))
      .map(([uri, stories]) => ({ type: 'file', uri, stories }));
  }

  /** Every theme, covered or not (a theme with no story is what the bank still needs), then the stories that declare none. */
  #byTheme(): StoryNode[] {
    const nodes: StoryNode[] = this.#result.themes.map((theme) => ({
      type: 'theme',
      ...theme,
      stories: this.#result.stories.filter((entry) => entry.themes.some((own) => own.id === theme.id)),
    }));
    const unthemed = this.#result.stories.filter((entry) => entry.themes.length === 0);
    if (unthemed.length > 0) nodes.push({ type: 'theme', id: NO_THEME, name: 'No theme', covered: false, stories: unthemed });
    return nodes;
  }
}

/** Not a theme id the server gives: those are names from theme sets, this has a space. */
const NO_THEME = 'no theme';

function storyItem(node: Extract<StoryNode, { type: 'story' }>): vscode.TreeItem {
  const { entry } = node;
  const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.group}/${entry.uri}#${entry.range.start.line}`;
  const missing = entry.slots.some((slot) => slot.state === 'missing');
  item.iconPath = entry.complete
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : missing
      ? new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const parts = [spokenTime(entry.seconds)];
  if (entry.hints > 0) parts.push(plural(entry.hints, 'hint'));
  if (node.guess) parts.push('guessed from the title');
  if (node.group.startsWith('theme:')) parts.push(vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri)));
  item.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(entry.title)}** (${escape(entry.framework.toUpperCase())})\n\n`);
  tooltip.appendMarkdown(`${entry.slots.map((slot) => `${slot.name} ${MARKS[slot.state]}`).join(' · ')}\n\n`);
  tooltip.appendMarkdown(`${plural(entry.words, 'word')} · ${spokenTime(entry.seconds)} · ${plural(entry.hints, 'hint')}`);
  if (entry.themes.length > 0) tooltip.appendMarkdown(`\n\nAnswers: ${entry.themes.map((theme) => escape(theme.guess ? `${theme.name} (guess)` : theme.name)).join(', ')}`);
  item.tooltip = tooltip;
  item.contextValue = entry.complete ? 'story.complete' : 'story';
  item.command = { command: REVEAL_COMMAND, title: 'Reveal Story', arguments: [entry] };
  return item;
}

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/**
 * The tree view "STAR Stories" in the Explorer and the status bar item of the active note, both
 * from `starNotes/stories`. They ask again when diagnostics change (the server analysed an open
 * note) or the server says its index changed, once things settle; the tree only while it is visible.
 */
export class StoryBank implements vscode.Disposable {
  readonly provider: StoryBankProvider;
  readonly statusBar: vscode.StatusBarItem;
  readonly #view: vscode.TreeView<StoryNode>;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #timers = new Map<'bank' | 'status', ReturnType<typeof setTimeout>>();
  /** Answers that arrive after a newer request was sent are dropped. */
  readonly #asked = { bank: 0, status: 0 };
  #stale = true;
  #lastError = '';
  readonly #storiesChanged = new vscode.EventEmitter<void>();
  /** The stories may have changed: an open note was analysed, the server's index changed, or the server restarted. */
  readonly onDidChangeStories = this.#storiesChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.provider = new StoryBankProvider(context.workspaceState.get<Grouping>(GROUPING_KEY) === 'theme' ? 'theme' : 'file');
    this.#view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.statusBar = vscode.window.createStatusBarItem('starNotes.storyStatus', vscode.StatusBarAlignment.Right, 100);
    this.statusBar.name = 'STAR Notes stories';
    this.statusBar.command = 'starNotes.showStoryBank';
    void this.#setGroupingContext();
    this.#disposables.push(
      this.#storiesChanged,
      this.#view,
      this.statusBar,
      vscode.commands.registerCommand('starNotes.showStoryBank', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
      vscode.commands.registerCommand('starNotes.storyBank.groupByTheme', () => this.group('theme')),
      vscode.commands.registerCommand('starNotes.storyBank.groupByFile', () => this.group('file')),
      vscode.commands.registerCommand('starNotes.storyBank.refresh', () => this.refresh()),
      vscode.commands.registerCommand(REVEAL_COMMAND, (entry: StoryEntry) => reveal(entry)),
      this.#view.onDidChangeVisibility(({ visible }) => visible && this.#stale && this.schedule('bank', 0)),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule('status', 0)),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => uris.some(isNote) && this.#changed(DEBOUNCE_MS)),
      client.onNotification(STORIES_CHANGED_NOTIFICATION, () => this.#changed(DEBOUNCE_MS)),
      client.onDidChangeState(({ newState }) => newState === State.Running && this.#changed(0)),
    );
  }

  /** Asks the server now for the tree and the status bar; resolves when both are shown. */
  async refresh(): Promise<void> {
    await Promise.all([this.#refreshBank(), this.#refreshStatus()]);
  }

  async group(grouping: Grouping): Promise<void> {
    this.provider.grouping = grouping;
    await this.context.workspaceState.update(GROUPING_KEY, grouping);
    await this.#setGroupingContext();
  }

  schedule(what: 'bank' | 'status', ms: number): void {
    clearTimeout(this.#timers.get(what));
    this.#timers.set(
      what,
      setTimeout(() => void (what === 'bank' ? this.#refreshBank() : this.#refreshStatus()), ms),
    );
  }

  dispose(): void {
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#disposables.forEach((disposable) => disposable.dispose());
  }

  #changed(ms: number): void {
    this.#storiesChanged.fire();
    this.#stale = true;
    if (this.#view.visible) this.schedule('bank', ms);
    this.schedule('status', ms);
  }

  #setGroupingContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', GROUPING_KEY, this.provider.grouping);
  }

  async #refreshBank(): Promise<void> {
    const asked = ++this.#asked.bank;
    this.#stale = false;
    const result = await this.#request({});
    if (!result || asked !== this.#asked.bank) return;
    this.provider.result = result;
    this.#view.message = result.stories.length === 0 ? 'No STAR stories in this workspace yet. A story is a heading with Situation, Task, Action and Result under it.' : undefined;
  }

  async #refreshStatus(): Promise<void> {
    const asked = ++this.#asked.status;
    const document = vscode.window.activeTextEditor?.document;
    const result = document?.languageId === 'markdown' ? await this.#request({ uri: document.uri.toString() }) : undefined;
    if (asked !== this.#asked.status) return;
    const stories = result?.stories.filter((entry) => entry.uri === document?.uri.toString()) ?? [];
    if (stories.length === 0) {
      this.statusBar.hide();
      return;
    }
    const complete = stories.filter((entry) => entry.complete);
    this.statusBar.text = `STAR ${complete.length}/${stories.length} complete`;
    const unfinished = stories.filter((entry) => !entry.complete);
    const tooltip = new vscode.MarkdownString(`${complete.length} of ${storyCount(stories.length)} in this note complete. Click to open the story bank.`);
    if (unfinished.length > 0) tooltip.appendMarkdown(`\n\nUnfinished: ${unfinished.map((entry) => `${escape(entry.title)} (${slotMarks(entry)})`).join(', ')}`);
    this.statusBar.tooltip = tooltip;
    this.statusBar.show();
  }

  /** The server's answer, or undefined while it is not running or when it fails (logged once per reason). */
  async #request(params: { uri?: string }): Promise<StoriesResult | undefined> {
    if (this.client.state !== State.Running) return undefined;
    try {
      const result = await this.client.sendRequest<StoriesResult>(STORIES_REQUEST, params);
      this.#lastError = '';
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.#lastError) this.log.warn(`The story bank could not be read: ${message}`);
      this.#lastError = message;
      return undefined;
    }
  }
}

/** An open markdown document: other extensions' diagnostics say nothing about stories. */
function isNote(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.languageId === 'markdown' && document.uri.toString() === key);
}

/** Opens the story's note with the cursor on its heading, the heading at the top so the story shows whole. */
async function reveal(entry: StoryEntry): Promise<void> {
  const start = new vscode.Position(entry.range.start.line, entry.range.start.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(entry.uri), { selection: new vscode.Range(start, start) });
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
}
