import { quoteTitle, SECTION_NAMES } from '../model/sections';
import { STAR_KINDS, isStarKind, type StarKind } from '../model/types';
import type { Rule } from './rule';

/**
 * One finding per story, on the first section told too late: a story told R, S, A, T has one
 * problem (its order), and one quick fix reorders all of it.
 */
export const outOfOrder: Rule = {
  codes: ['out-of-order'],
  description: 'Sections not in Situation, Task, Action, Result order.',
  check(story) {
    const star = story.sections.filter((section) => isStarKind(section.kind));
    const rank = (kind: string) => STAR_KINDS.indexOf(kind as StarKind);
    const offender = star.find((section, i) => i > 0 && star.slice(0, i).some((before) => rank(before.kind) > rank(section.kind)));
    if (!offender) return [];
    const told = star.map((section) => SECTION_NAMES[section.kind]).join(', ');
    return [
      {
        code: 'out-of-order',
        range: offender.markerRange,
        message: `Story ${quoteTitle(story.title)} tells ${told}; tell it in STAR order (Situation, Task, Action, Result).`,
        data: { kind: offender.kind },
      },
    ];
  },
};
