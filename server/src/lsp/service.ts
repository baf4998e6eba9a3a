import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CodeLens,
  CodeLensParams,
  CompletionItem,
  CompletionParams,
  Connection,
  DocumentDiagnosticReport,
  DocumentDiagnosticParams,
  DocumentSymbol,
  DocumentSymbolParams,
  ExecuteCommandParams,
  FileEvent,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  SymbolInformation,
  TextDocuments,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { CodeLensRefreshRequest, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { AnalysisCache } from './analysis';
import { starCodeActions, type EditCapabilities } from './codeActions';
import { ADD_MISSING_SECTIONS_COMMAND, addMissingSectionsEdit, codeLenses, type AddMissingSectionsArguments } from './codeLens';
import { completions } from './completion';
import { executeNewStory, NEW_STORY_COMMAND } from './newStory';
import { DiagnosticsProvider, toDiagnostic } from './diagnostics';
import { foldingRanges } from './folding';
import { starNotesHover } from './hover';
import { SettingsStore } from './settings';
import { SpellingProvider } from './spelling';
import { documentSymbols } from './symbols';
import { StoryBank, STORIES_CHANGED_NOTIFICATION, type ReportParams, type StoriesParams } from './stories';
import { WorkspaceIndex } from './workspace';
import { WordsProvider, type AddWordResult } from './words';
import { CONFIG_FILES } from '../runtime/configFile';
import { NOTES_FILE } from '../runtime/files';
import { userWordsFile } from '../runtime/wordFiles';

/** How long the workspace index stays unchanged before clients hear that the stories changed. */
const STORIES_CHANGED_DEBOUNCE_MS = 1000;

export interface ServiceOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  canPullSettings: boolean;
  initialSettings: unknown;
  edits: EditCapabilities;
  /** The client re-asks for code lenses when told to (`workspace/codeLens/refresh`): they depend on settings too. */
  codeLensRefresh?: boolean;
  /** Workspace folders as file paths. */
  workspaceFolders?: readonly string[];
}

/**
 * The language service: every provider built once, each request forwarded to one of them.
 * The connection only carries messages; nothing here keeps settings in globals.
 */
export function createStarNotesService(options: ServiceOptions) {
  const { connection, documents, edits } = options;
  const settings = new SettingsStore(connection, options.canPullSettings, options.initialSettings, { workspaceFolders: () => options.workspaceFolders ?? [] });
  const analyses = new AnalysisCache();
  const words = new WordsProvider({
    workspaceFolders: () => options.workspaceFolders ?? [],
    userFile: userWordsFile(),
    cspellFileWritten: () => cspellFilesChanged(),
    wordsChanged: () => checkOpenDocuments(),
    log: (message) => connection.console.info(message),
  });
  const spelling = new SpellingProvider({
    workspaceFolders: () => options.workspaceFolders ?? [],
    wordFileWords: (folder) => words.words(folder),
    // A notification, not window/showMessageRequest: a client that doesn't answer that leaves an unhandled rejection.
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    log: (message) => connection.console.info(message),
  });
  const workspace = new WorkspaceIndex({
    folders: options.workspaceFolders ?? [],
    settings: (uri) => settings.get(uri),
    progress: () => connection.window.createWorkDoneProgress(),
    log: (message) => connection.console.info(message),
    changed: () => storiesChanged(),
  });
  const bank = new StoryBank({
    indexed: () => workspace.storiesByFile(),
    open: () => documents.all(),
    analysisOf: (uri) => analysisOf(uri),
    settings: (uri) => settings.get(uri),
    folders: () => options.workspaceFolders ?? [],
  });
  let storiesTimer: NodeJS.Timeout | undefined;
  /** Once the index settles: while a thousand files are read, clients are told once, not a thousand times. */
  function storiesChanged(): void {
    clearTimeout(storiesTimer);
    storiesTimer = setTimeout(() => void connection.sendNotification(STORIES_CHANGED_NOTIFICATION), STORIES_CHANGED_DEBOUNCE_MS);
  }
  const skipNotices = new Set<string>();
  /** `TextDocuments` reports an open as a content change too; the open already scheduled a check. */
  const justOpened = new Set<string>();
  const diagnostics = new DiagnosticsProvider({
    connection,
    analyses,
    settings: (uri) => settings.get(uri),
    sources: [spelling.source],
    document: (uri) => documents.get(uri),
    onSkip(document, reason) {
      const key = `${document.uri}\n${reason}`;
      if (skipNotices.has(key)) return;
      skipNotices.add(key);
      connection.console.info(`STAR Notes: ${document.uri} ${reason}.`);
    },
  });

  function checkOpenDocuments(): void {
    for (const document of documents.all()) diagnostics.schedule(document.uri, 0);
  }

  /** A STAR Notes config file changed: settings are worked out again for every open document. */
  function configFilesChanged(): void {
    settings.configFilesChanged();
    checkOpenDocuments();
    workspace.settingsChanged();
    if (options.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  function cspellFilesChanged(): void {
    spelling.cspellFilesChanged();
    checkOpenDocuments();
  }

  /** Settings and analysis of an open document, or undefined when it is unknown, disabled or skipped. */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await settings.get(uri);
    if (!current.enable) return undefined;
    const analysis = await analyses.analyze(document, current);
    if (!analysis || analysis.skipped !== undefined) return undefined;
    return { document, analysis, settings: current };
  }

  return Object.freeze({
    diagnostics,
    settings,

    opened(uri: string) {
      justOpened.add(uri);
      diagnostics.schedule(uri, 0);
      void words.refresh();
      if (settings.configFileEdited()) configFilesChanged();
    },
    changed(uri: string) {
      if (!justOpened.delete(uri)) diagnostics.schedule(uri);
      void words.refresh();
      if (settings.configFileEdited()) configFilesChanged();
    },
    closed(uri: string) {
      justOpened.delete(uri);
      settings.forget(uri);
      spelling.forget(uri);
      analyses.forget(uri);
      skipNotices.forEach((key) => key.startsWith(`${uri}\n`) && skipNotices.delete(key));
      diagnostics.clear(uri);
    },
    configurationChanged(pushed: unknown) {
      settings.changed(pushed);
      checkOpenDocuments();
      workspace.settingsChanged();
      if (options.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
    },
    /**
     * Reads the word files now, and after `delayMs` loads the spelling dictionaries in the
     * background for the settings a first document will likely have, unless a document is open:
     * its own spelling check has started them by then, after its STAR findings.
     */
    async warmUp(delayMs: number) {
      void words.refresh();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (documents.all().length === 0) await spelling.warmUp(await settings.get(''));
    },
    /** Ends the spelling workers; the server is about to exit. */
    dispose() {
      spelling.dispose();
      clearTimeout(storiesTimer);
    },
    /** Asks the client to report changes to notes, word files, config files and cspell configurations; `relativePatterns` when it takes a base folder. */
    watchFiles(relativePatterns: boolean) {
      const watchers = [{ globPattern: '**/*.{md,markdown}' }, { globPattern: `**/{${CONFIG_FILES.join(',')}}` }, ...words.watchers(relativePatterns)];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    },
    /** Indexes the workspace's notes in the background. */
    indexWorkspace() {
      void workspace.indexAll();
    },
    /** Notes go to the workspace index; config files and word files are read again; anything else watched is a cspell configuration. */
    watchedFilesChanged(changes: FileEvent[]) {
      const notes = changes.filter((change) => NOTES_FILE.test(change.uri));
      if (notes.length > 0) workspace.filesChanged(notes);
      if (notes.length === changes.length) return;
      if (changes.some((change) => CONFIG_FILES.includes(change.uri.slice(change.uri.lastIndexOf('/') + 1)))) configFilesChanged();
      void words.refresh();
      if (changes.some((change) => !NOTES_FILE.test(change.uri) && !change.uri.endsWith('/words.txt'))) cspellFilesChanged();
    },
    /** `workspace/executeCommand`: starting a story, adding a story's missing sections, or a spelling word. */
    async executeCommand(params: ExecuteCommandParams): Promise<AddWordResult | boolean | null> {
      if (params.command === NEW_STORY_COMMAND) return executeNewStory(params, { analysisOf, applyEdit: (edit) => connection.workspace.applyEdit(edit), edits });
      if (params.command !== ADD_MISSING_SECTIONS_COMMAND) return words.executeCommand(params);
      const [uri, at] = (params.arguments ?? []) as Partial<AddMissingSectionsArguments>;
      const found = typeof uri === 'string' && at ? await analysisOf(uri) : undefined;
      const edit = found && addMissingSectionsEdit(found.document, found.analysis, at!, edits);
      if (!edit) return false;
      const { applied } = await connection.workspace.applyEdit({ label: 'Add missing sections', edit });
      return applied;
    },
    provideWorkspaceSymbols(params: WorkspaceSymbolParams): SymbolInformation[] {
      return workspace.symbols(params.query);
    },
    provideStories(params: StoriesParams | null, token: CancellationToken) {
      return bank.stories(params, token);
    },
    provideReport(params: ReportParams | null, token: CancellationToken) {
      return bank.report(params, token);
    },

    async provideDocumentSymbols(params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? documentSymbols(found.document, found.analysis, found.settings) : [];
    },
    async provideHover(params: HoverParams): Promise<Hover | null> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? starNotesHover(found.document, found.analysis, params.position, found.settings, (offset) => spelling.hover(found.document.uri, offset)) : null;
    },
    async provideCodeLenses(params: CodeLensParams): Promise<CodeLens[]> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? codeLenses(found.document, found.analysis, found.settings) : [];
    },
    async provideFoldingRanges(params: FoldingRangeParams): Promise<FoldingRange[]> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? foldingRanges(found.document, found.analysis) : [];
    },
    async provideCodeActions(params: CodeActionParams): Promise<CodeAction[]> {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return [];
      const spellingActions = await spelling.codeActions(found.document, found.analysis, params, found.settings, edits);
      return [...starCodeActions(found.document, found.analysis, params, edits), ...spellingActions];
    },
    async provideCompletions(params: CompletionParams): Promise<CompletionItem[]> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? completions(found.document, found.analysis, params.position, found.settings) : [];
    },
    async provideDiagnostics(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: 'full', items: [] };
      const findings = await diagnostics.findings(document);
      return { kind: 'full', items: findings.map((finding) => toDiagnostic(document, finding)) };
    },
  });
}

export type StarNotesService = ReturnType<typeof createStarNotesService>;
