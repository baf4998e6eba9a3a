import type { CodeLens, Position, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { storyStats } from '../core/coach/stats';
import { storyHints, storyLens } from '../core/features/lens';
import { missingSlots, restOfStoryEdit } from '../core/features/rest';
import { storyProgress } from '../core/model/progress';
import type { Story } from '../core/model/types';
import type { Settings } from '../core/settings';
import { workspaceEdit, type EditCapabilities } from './codeActions';
import { toOffset, toRange } from './convert';

/** The server's command behind a lens; any client can run it, and it answers with a `workspace/applyEdit`. */
export const ADD_MISSING_SECTIONS_COMMAND = 'starNotes.addMissingSections';

/** What the command is called with: the document and where its story's anchor begins. */
export type AddMissingSectionsArguments = [uri: string, at: Position];

/**
 * One lens on each story's anchor (its heading, question or table row). It runs "Add missing
 * sections" where a section of the framework is not there at all and there is a place to write
 * it (not in a table's cells); otherwise it is a plain line of text, a command with no id. An
 * empty or unfilled section is ✗ too, but it is there to be filled, not added.
 */
export function codeLenses(document: TextDocument, analysis: Analysis, settings: Settings): CodeLens[] {
  if (!settings.codeLens) return [];
  return analysis.doc.stories.map((story) => {
    const title = storyLens(storyProgress(story, analysis.doc.text, settings), storyStats(story, settings.wordsPerMinute), storyHints(analysis.findings, story));
    const range = toRange(document, story.anchor);
    const command = restOfStoryEdit(analysis.doc, story)
      ? {
          title,
          command: ADD_MISSING_SECTIONS_COMMAND,
          arguments: [document.uri, range.start] satisfies AddMissingSectionsArguments,
          tooltip: `Add the missing ${listed(missingSlots(story).map((slot) => slot.name))}`,
        }
      : { title, command: '' };
    return { range, command };
  });
}

/**
 * The edit that adds the missing sections of the story whose anchor starts at `at`, or undefined
 * when the story is gone (edited since the lens was drawn) or has nothing to add.
 */
export function addMissingSectionsEdit(document: TextDocument, analysis: Analysis, at: Position, capabilities: EditCapabilities): WorkspaceEdit | undefined {
  const story = storyAnchoredAt(analysis.doc.stories, toOffset(document, at));
  const rest = story && restOfStoryEdit(analysis.doc, story);
  return rest && workspaceEdit(document, [rest.edit], capabilities);
}

function storyAnchoredAt(stories: readonly Story[], offset: number): Story | undefined {
  return stories.find(({ anchor }) => anchor[0] <= offset && offset <= anchor[1]);
}

/** "Task", "Task and Action", "Situation, Task and Action". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
