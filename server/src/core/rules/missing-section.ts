import { quoteTitle, SECTION_NAMES, STAR_PROMPTS } from '../model/sections';
import { STAR_KINDS } from '../model/types';
import type { Rule } from './rule';

export const missingSection: Rule = {
  codes: STAR_KINDS.map((kind) => `missing-${kind}`),
  description: 'A story lacks one of Situation, Task, Action, Result.',
  check(story) {
    const present = new Set(story.sections.map((section) => section.kind));
    const range = story.heading?.range ?? story.sections[0].markerRange;
    return STAR_KINDS.filter((kind) => !present.has(kind)).map((kind) => ({
      code: `missing-${kind}`,
      range,
      message: `Story ${quoteTitle(story.title)} has no ${SECTION_NAMES[kind]}: ${STAR_PROMPTS[kind]}`,
      data: { kind },
    }));
  },
};
