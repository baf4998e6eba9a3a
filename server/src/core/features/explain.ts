import { FRAMEWORKS } from '../model/frameworks';
import type { StarDocument } from '../model/types';
import type { OffsetRange } from '../text';
import { completeness } from './outline';

export interface Explanation {
  range: OffsetRange;
  markdown: string;
}

/**
 * What STAR Notes made of the story whose heading, question or title cell is at `offset`: its
 * framework, why that one, and which of its sections it has. Writers of CAR or PAR see that
 * their framework was understood; a STAR writer sees why a Problem did not stand in for a Task.
 */
export function explainStory(doc: StarDocument, offset: number): Explanation | undefined {
  const story = doc.stories.find(({ anchor }) => anchor[0] <= offset && offset <= anchor[1]);
  if (!story) return undefined;
  const framework = FRAMEWORKS[story.framework.id];
  const slots = framework.slots.map((slot) => slot.name).join(', ');
  return {
    range: story.anchor,
    markdown: [
      `**${framework.name} story** (${slots}): \`${completeness(story)}\``,
      '',
      `${framework.name}, because ${story.framework.reason}. Set \`starNotes.frameworks\` to choose which frameworks count.`,
    ].join('\n'),
  };
}
