import { FRAMEWORKS, slotOf, storyLabel } from '../model/frameworks';
import { promptSnippet, promptText } from '../features/prompts';
import { isEmpty } from './incomplete-section';
import type { StoryRule } from './rule';

export const emptySection: StoryRule = {
  name: 'empty-section',
  codes: {
    'empty-section': {
      severity: 'warning',
      description: 'a marker with nothing under it',
      explanation: 'A section heading or label with no text before the next section is a gap the writer meant to fill. Write the section, or remove the marker if the story does not need it.',
      bad: '### Situation\n\nA consultant skipped hand hygiene between bays.\n\n### Task\n\n### Action\n\nI spoke to him privately after the round.\n\n### Result\n\nHe used the gel at every bay from then on.',
      quickFix: 'in a story table, puts the cursor in the empty cell, on a prompt for what goes there',
      good: '### Situation\n\nA consultant skipped hand hygiene between bays.\n\n### Task\n\nAs nurse in charge I had to stop it without a confrontation.\n\n### Action\n\nI spoke to him privately after the round.\n\n### Result\n\nThe bay audit went from 71% to 96% compliance.',
    },
  },
  settings: [],
  check(story, { text }) {
    return story.sections
      .filter((section) => isEmpty(section, text))
      .map((section) => ({
        code: 'empty-section',
        range: section.markerRange,
        message: `${section.name} of ${storyLabel(story)} is empty.`,
        data: { kind: section.kinds[0] },
      }));
  },
  fixes({ doc, story, at }) {
    const section = story.sections.find((candidate) => candidate.style.type === 'cell' && candidate.markerRange[0] === at && isEmpty(candidate, doc.text));
    if (!section) return [];
    const prompt = slotOf(FRAMEWORKS[story.framework.id], section.kinds[0])?.prompt ?? 'what goes here?';
    // The cell holds only spaces: the edit replaces them, so the prompt sits one space in from each pipe.
    return [
      {
        title: `Fill in the ${section.name} of ${storyLabel(story)}`,
        edits: [{ range: section.markerRange, text: ` ${promptText(prompt)} `, snippet: ` ${promptSnippet(prompt)} ` }],
        isPreferred: true,
      },
    ];
  },
};
