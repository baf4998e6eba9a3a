import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ExecuteCommandParams,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { NEW_STORY_FRAMEWORKS, newStoryEdit, type NewStory } from '../core/features/newStory';
import { FRAMEWORKS, frameworkOfTag } from '../core/model/frameworks';
import { workspaceEdit, type EditCapabilities } from './codeActions';
import { toOffset } from './convert';

/** The server's command that starts a story at the cursor; it answers with a `workspace/applyEdit`, never with the edit. */
export const NEW_STORY_COMMAND = 'starNotes.newStory';

/** What the command is called with: one object, so that editors can build it by name. */
export interface NewStoryArguments {
  uri: string;
  position: Position;
  /** An id or name: `star`, `STAR-L`, `par`; STAR when left out. */
  framework?: string;
  /** The story's title, often the question it answers; the title's tab stop asks for one when left out. */
  title?: string;
  /** A question theme from the story bank, written on a `Questions:` line so the bank counts it covered. */
  theme?: string;
}

/** The arguments once checked. */
interface NewStoryRequest extends NewStory {
  uri: string;
  position: Position;
}

interface Dependencies {
  /** The open, checked document and its analysis; undefined when the server doesn't check it. */
  analysisOf: (uri: string) => Promise<{ document: TextDocument; analysis: Analysis } | undefined>;
  applyEdit: (params: ApplyWorkspaceEditParams) => Promise<ApplyWorkspaceEditResult>;
  edits: EditCapabilities;
}

/**
 * `starNotes.newStory({ uri, position, framework, title })`: writes a story skeleton at the
 * position through `workspace/applyEdit`. The answer is null: generic clients drop a command's
 * result, so an edit returned would be lost.
 */
export async function executeNewStory(params: ExecuteCommandParams, deps: Dependencies): Promise<null> {
  const request = newStoryRequest(params);
  const found = await deps.analysisOf(request.uri);
  if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, 'STAR Notes starts stories only in a markdown document that is open and checked.');
  const { document, analysis } = found;
  const edit = newStoryEdit(analysis.doc, toOffset(document, request.position), request);
  const { applied, failureReason } = await deps.applyEdit({ label: `New ${FRAMEWORKS[request.framework].name} story`, edit: workspaceEdit(document, [edit], deps.edits) });
  if (!applied) throw new ResponseError(LSPErrorCodes.RequestFailed, `STAR Notes could not insert the story${failureReason ? `: ${failureReason}` : ''}.`);
  return null;
}

const FRAMEWORK_NAMES = NEW_STORY_FRAMEWORKS.map((id) => FRAMEWORKS[id].name).join(', ');

/** The command's arguments, checked: a client may send anything. */
function newStoryRequest(params: ExecuteCommandParams): NewStoryRequest {
  const [raw] = params.arguments ?? [];
  const args = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof NewStoryArguments, unknown>>;
  const position = args.position as Partial<Position> | undefined;
  if (typeof args.uri !== 'string' || typeof position?.line !== 'number' || typeof position.character !== 'number') {
    throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes: ${NEW_STORY_COMMAND} takes { uri, position, framework, title, theme }.`);
  }
  for (const key of ['title', 'theme'] as const) {
    if (args[key] !== undefined && typeof args[key] !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes: the ${key} is a string.`);
  }
  const named = typeof args.framework === 'string' ? frameworkOfTag(args.framework.trim()) : args.framework === undefined ? 'star' : undefined;
  const framework = NEW_STORY_FRAMEWORKS.find((id) => id === named);
  if (!framework) throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes starts stories in ${FRAMEWORK_NAMES}, not ${JSON.stringify(args.framework)}.`);
  return { uri: args.uri, position: { line: position.line, character: position.character }, framework, title: args.title as string | undefined, theme: args.theme as string | undefined };
}
