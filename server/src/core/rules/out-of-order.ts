import { quoteTitle, SECTION_NAMES } from '../sections';
import { isStarKind, STAR_KINDS } from '../types';
import type { Rule } from './rule';

export const outOfOrder: Rule = {
  codes: ['out-of-order'],
  description: 'Sections not in Situation, Task, Action, Result order.',
  check(story) {
    const star = story.sections.filter((section) => isStarKind(section.kind));
    let latest = star[0];
    return star.slice(1).flatMap((section) => {
      const rank = STAR_KINDS.indexOf(section.kind as never);
      if (rank >= STAR_KINDS.indexOf(latest.kind as never)) {
        latest = section;
        return [];
      }
      return [
        {
          code: 'out-of-order',
          range: section.markerRange,
          message: `${SECTION_NAMES[section.kind]} comes after ${SECTION_NAMES[latest.kind]} in story ${quoteTitle(story.title)}; tell it in STAR order (Situation, Task, Action, Result).`,
          data: { kind: section.kind },
        },
      ];
    });
  },
};
