import type {
  CodeAction,
  CodeActionParams,
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
import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { AnalysisCache } from './analysis';
import { starCodeActions, type EditCapabilities } from './codeActions';
import { completions } from './completion';
import { DiagnosticsProvider, toDiagnostic } from './diagnostics';
import { foldingRanges } from './folding';
import { starNotesHover } from './hover';
import { SettingsStore } from './settings';
import { SpellingProvider } from './spelling';
import { documentSymbols } from './symbols';
import { WorkspaceIndex } from './workspace';
import { WordsProvider, type AddWordResult } from './words';
import { NOTES_FILE } from '../runtime/files';
import { userWordsFile } from '../runtime/wordFiles';

export interface ServiceOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  canPullSettings: boolean;
  initialSettings: unknown;
  edits: EditCapabilities;
  /** Workspace folders as file paths. */
  workspaceFolders?: readonly string[];
}

/**
 * The language service: every provider built once, each request forwarded to one of them.
 * The connection only carries messages; nothing here keeps settings in globals.
 */
export function createStarNotesService(options: ServiceOptions) {
  const { connection, documents, edits } = options;
  const settings = new SettingsStore(connection, options.canPullSettings, options.initialSettings);
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
  });
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
    },
    changed(uri: string) {
      if (!justOpened.delete(uri)) diagnostics.schedule(uri);
      void words.refresh();
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
    },
    /** Reads the word files, and loads the spelling dictionaries in the background for the settings a first document will likely have. */
    async warmUp() {
      void words.refresh();
      await spelling.warmUp(await settings.get(''));
    },
    /** Ends the spelling workers; the server is about to exit. */
    dispose() {
      spelling.dispose();
    },
    /** Asks the client to report changes to notes, word files and cspell configurations; `relativePatterns` when it takes a base folder. */
    watchFiles(relativePatterns: boolean) {
      const watchers = [{ globPattern: '**/*.{md,markdown}' }, ...words.watchers(relativePatterns)];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    },
    /** Indexes the workspace's notes in the background. */
    indexWorkspace() {
      void workspace.indexAll();
    },
    /** Notes go to the workspace index; word files are read again; anything else watched is a cspell configuration. */
    watchedFilesChanged(changes: FileEvent[]) {
      const notes = changes.filter((change) => NOTES_FILE.test(change.uri));
      if (notes.length > 0) workspace.filesChanged(notes);
      if (notes.length === changes.length) return;
      void words.refresh();
      if (changes.some((change) => !NOTES_FILE.test(change.uri) && !change.uri.endsWith('/words.txt'))) cspellFilesChanged();
    },
    /** `workspace/executeCommand`: adding a spelling word is the one command. */
    executeCommand(params: ExecuteCommandParams): Promise<AddWordResult> {
      return words.executeCommand(params);
    },
    provideWorkspaceSymbols(params: WorkspaceSymbolParams): SymbolInformation[] {
      return workspace.symbols(params.query);
    },

    async provideDocumentSymbols(params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? documentSymbols(found.document, found.analysis, found.settings.outline) : [];
    },
    async provideHover(params: HoverParams): Promise<Hover | null> {
      const found = await analysisOf(params.textDocument.uri);
      return found ? starNotesHover(found.document, found.analysis, params.position, (offset) => spelling.hover(found.document.uri, offset)) : null;
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
