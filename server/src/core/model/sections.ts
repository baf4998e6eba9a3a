import { characterBoundary } from '../text';
import type { SectionKind, StarKind } from './types';

/** Display names and coaching prompts, shared by messages, fixes, completions and snippets. */
export const SECTION_NAMES: Readonly<Record<SectionKind, string>> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  learning: 'Learning',
  challenges: 'Challenges',
  notes: 'Notes',
};

export const STAR_PROMPTS: Readonly<Record<StarKind, string>> = {
  situation: 'set the scene: when, where, who, and what was at stake?',
  task: 'what were *you* responsible for, or asked to achieve?',
  action: 'what did *you* do? Name the steps and decisions.',
  result: 'what changed, and by how much? Numbers if you have them.',
};

/** What a new story's title asks for, until the writer gives one. */
export const STORY_TITLE_PROMPT = 'Story title: one line a panel would remember';

export function quoteTitle(title: string): string {
  return `'${title.length > 60 ? `${title.slice(0, characterBoundary(title, 57))}…` : title}'`;
}
