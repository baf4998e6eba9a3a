import { quoteTitle, SECTION_NAMES } from '../model/sections';
import { isStarKind, type SectionKind } from '../model/types';
import type { Rule } from './rule';

export const duplicateSection: Rule = {
  codes: ['duplicate-section'],
  description: 'The same STAR section twice in one story.',
  check(story, { text }) {
    const seen = new Map<SectionKind, number>();
    return story.sections.flatMap((section) => {
      if (!isStarKind(section.kind)) return [];
      const first = seen.get(section.kind);
      if (first === undefined) {
        seen.set(section.kind, section.markerRange[0]);
        return [];
      }
      const line = text.slice(0, first).split(/\r\n|\r|\n/).length;
      return [
        {
          code: 'duplicate-section',
          range: section.markerRange,
          message: `Story ${quoteTitle(story.title)} has a second ${SECTION_NAMES[section.kind]} (the first is on line ${line}); merge them.`,
          data: { kind: section.kind },
        },
      ];
    });
  },
};
