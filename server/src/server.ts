import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { createStarNotesService, type StarNotesService } from './lsp/service';
import { ADD_WORD_COMMAND, FIX_ALL_KIND } from './lsp/spelling';
import { NEW_STORY_COMMAND } from './lsp/newStory';
import { ADD_MISSING_SECTIONS_COMMAND } from './lsp/codeLens';
import { REPORT_REQUEST, STORIES_REQUEST, type ReportParams, type StoriesParams } from './lsp/stories';

/** The workspace index starts after the first documents are checked: it is for later searches. */
const WORKSPACE_INDEX_DELAY_MS = 1000;
/**
 * The dictionaries load in a worker thread, but on two cores that thread halves the speed of a
 * first document's parse beside it (a 100 KB note's STAR findings in 570–890 ms instead of
 * 330–400). A document opened at start starts them itself once its STAR findings are out; with
 * none open, they start after this pause.
 */
const SPELLING_WARM_UP_DELAY_MS = 500;

// Transport comes from argv: --stdio for any LSP client, --node-ipc from the VS Code client.
const connection = createConnection(ProposedFeatures.all);

// A language server lives beside unsaved work for days: report a stray failure, never die of it.
process.on('uncaughtException', (error) => connection.console.error(`STAR Notes: unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`STAR Notes: unexpected error: ${String(reason)}`));
const documents = new TextDocuments(TextDocument);
let service: StarNotesService;
let registerConfiguration = false;
let watchFiles = false;
let relativePatterns = false;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; pullDiagnostics?: boolean };
  const canPullSettings = !!capabilities.workspace?.configuration;
  registerConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  relativePatterns = !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  service = createStarNotesService({
    connection,
    workspaceFolders: folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)),
    documents,
    canPullSettings,
    initialSettings: init.settings,
    edits: {
      snippets: !!capabilities.workspace?.workspaceEdit?.snippetEditSupport,
      documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges,
    },
    codeLensRefresh: !!capabilities.workspace?.codeLens?.refreshSupport,
  });
  // Pull diagnostics only for clients that ask for them, and never instead of pushing.
  const offerPull = !!capabilities.textDocument?.diagnostic && init.pullDiagnostics !== false;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'STAR stories' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      completionProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      // The server writes the words (any client can ask); vscode-languageclient makes it a VS Code command.
      executeCommandProvider: { commands: [ADD_WORD_COMMAND, ADD_MISSING_SECTIONS_COMMAND, NEW_STORY_COMMAND] },
      ...(offerPull ? { diagnosticProvider: { identifier: 'star-notes', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'star-notes', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'starNotes' });
  void service.warmUp(SPELLING_WARM_UP_DELAY_MS);
  if (watchFiles) service.watchFiles(relativePatterns);
  setTimeout(() => service.indexWorkspace(), WORKSPACE_INDEX_DELAY_MS);
});

connection.onShutdown(() => service.dispose());
connection.onDidChangeConfiguration((change) => service.configurationChanged((change.settings as { starNotes?: unknown } | null)?.starNotes));
// The client watches the workspace's notes, word files and cspell configurations (any change may add or remove words).
connection.onDidChangeWatchedFiles((params) => service.watchedFilesChanged(params.changes));
connection.onExecuteCommand((params) => service.executeCommand(params));
documents.onDidOpen((event) => service.opened(event.document.uri));
documents.onDidChangeContent((event) => service.changed(event.document.uri));
documents.onDidClose((event) => service.closed(event.document.uri));

connection.onDocumentSymbol((params) => service.provideDocumentSymbols(params));
connection.onFoldingRanges((params) => service.provideFoldingRanges(params));
connection.onHover((params) => service.provideHover(params));
connection.onCodeLens((params) => service.provideCodeLenses(params));
connection.onCodeAction((params) => service.provideCodeActions(params));
connection.onCompletion((params) => service.provideCompletions(params));
connection.onWorkspaceSymbol((params) => service.provideWorkspaceSymbols(params));
// The story bank, for any client (README: "The story bank from any editor").
connection.onRequest(STORIES_REQUEST, (params: StoriesParams | null, token) => service.provideStories(params, token));
connection.onRequest(REPORT_REQUEST, (params: ReportParams | null, token) => service.provideReport(params, token));
connection.languages.diagnostics.on((params) => service.provideDiagnostics(params));

documents.listen(connection);
connection.listen();
