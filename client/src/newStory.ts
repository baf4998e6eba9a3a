import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { STORIES_REQUEST, type StoriesResult } from './storyBank';

/** The server's command; vscode-languageclient registers it, and the middleware asks the user first. */
export const NEW_STORY_COMMAND = 'starNotes.newStory';

/** What the server takes (server/src/lsp/newStory.ts). */
interface NewStoryArguments {
  uri: string;
  position: { line: number; character: number };
  framework: string;
  title?: string;
  theme?: string;
}

/** The frameworks the server starts stories in, by the ids it takes. */
const FRAMEWORKS: readonly (vscode.QuickPickItem & { id: string })[] = [
  { id: 'star', label: 'STAR', description: 'Situation, Task, Action, Result' },
  { id: 'star-l', label: 'STAR-L', description: 'STAR and what you learned' },
  { id: 'car', label: 'CAR', description: 'Context, Action, Result' },
  { id: 'par', label: 'PAR', description: 'Problem, Action, Result' },
  { id: 'soar', label: 'SOAR', description: 'Situation, Obstacle, Action, Result' },
];

type Choice = { theme: string } | { title: string };

/**
 * "STAR Notes: New Story". From the palette or the editor's menu it asks for a framework and a
 * theme or question, then has the server write the story at the cursor (the server sends the
 * edit back as `workspace/applyEdit`). Called with the server's own arguments, it passes them on.
 */
export async function newStory(client: LanguageClient, args: unknown[], next: (command: string, args: unknown[]) => unknown): Promise<unknown> {
  if (isServerArguments(args[0])) return next(NEW_STORY_COMMAND, args);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('STAR Notes: open a markdown note and put the cursor where the story should go.');
    return undefined;
  }
  const framework = await vscode.window.showQuickPick(FRAMEWORKS, { title: 'New Story: framework', placeHolder: 'The framework to tell the story in' });
  if (!framework) return undefined;
  const choice = await chooseTheme(client);
  if (!choice) return undefined;
  const { line, character } = editor.selection.active;
  const params: NewStoryArguments = { uri: editor.document.uri.toString(), position: { line, character }, framework: framework.id, ...choice };
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command: NEW_STORY_COMMAND, arguments: [params] });
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

function isServerArguments(value: unknown): value is NewStoryArguments {
  return typeof value === 'object' && value !== null && typeof (value as NewStoryArguments).uri === 'string' && typeof (value as NewStoryArguments).position === 'object';
}

/**
 * The story bank's themes, those no story answers yet first, or the writer's own question or
 * title, typed into the same box. Undefined when the writer gives up (Escape).
 */
async function chooseTheme(client: LanguageClient): Promise<Choice | undefined> {
  const themes = await bankThemes(client);
  const uncovered = themes.filter((theme) => !theme.covered);
  const covered = themes.filter((theme) => theme.covered);
  const separator = (label: string): vscode.QuickPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const listed: vscode.QuickPickItem[] = [
    ...(uncovered.length > 0 ? [separator('no story yet'), ...uncovered.map((theme) => ({ label: theme.name }))] : []),
    ...(covered.length > 0 ? [separator('covered'), ...covered.map((theme) => ({ label: theme.name }))] : []),
  ];
  const pick = vscode.window.createQuickPick();
  pick.title = 'New Story: theme or question';
  pick.placeholder = themes.length > 0 ? 'Pick a question theme, or type the question or title (Enter for none)' : 'Type the question the story answers, or its title (Enter for none)';
  pick.items = listed;
  const own = (value: string): vscode.QuickPickItem => ({ label: value, description: 'as the title', alwaysShow: true });
  pick.onDidChangeValue((value) => (pick.items = value.trim() ? [own(value.trim()), ...listed] : listed));
  return new Promise<Choice | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      resolve(item && themes.some((theme) => theme.name === item.label) && item.description === undefined ? { theme: item.label } : { title: item?.label ?? pick.value.trim() });
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The themes of the whole story bank, or none while the server can't tell (not running, or a server without the bank). */
async function bankThemes(client: LanguageClient): Promise<StoriesResult['themes']> {
  if (client.state !== State.Running) return [];
  try {
    const result = await client.sendRequest<StoriesResult>(STORIES_REQUEST, {});
    return Array.isArray(result?.themes) ? result.themes : [];
  } catch {
    return [];
  }
}
