import { quoteTitle, SECTION_NAMES } from '../model/sections';
import type { Rule } from './rule';

export const emptySection: Rule = {
  codes: ['empty-section'],
  description: 'A section marker with nothing written under it.',
  check(story) {
    return story.sections
      .filter((section) => section.words === 0)
      .map((section) => ({
        code: 'empty-section',
        range: section.markerRange,
        message: `${SECTION_NAMES[section.kind]} of story ${quoteTitle(story.title)} is empty.`,
        data: { kind: section.kind },
      }));
  },
};
