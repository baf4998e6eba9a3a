import { quoteTitle, SECTION_NAMES } from '../model/sections';
import { isStarKind, type SectionKind } from '../model/types';
import type { StoryRule } from './rule';

export const duplicateSection: StoryRule = {
  name: 'duplicate-section',
  codes: {
    'duplicate-section': {
      severity: 'information',
      description: 'the same section twice in one story (aliases count)',
      explanation:
        'Two Results (or a Result and an Outcome) in one story usually mean two drafts, or two stories run together. Merge them, or give the second story a heading of its own.',
      bad: '- Situation: We had no presence in APAC.\n- Task: Prove product-market fit in Japan.\n- Action: Hired a local partner.\n- Outcome: 40 customers in year one.\n- Impact: Japan became our third-largest market.',
      good: '- Situation: We had no presence in APAC.\n- Task: Prove product-market fit in Japan.\n- Action: Hired a local partner.\n- Result: 40 customers in year one; Japan became our third-largest market.',
    },
  },
  settings: ['aliases'],
  check(story, { lines }) {
    const seen = new Map<SectionKind, number>();
    return story.sections.flatMap((section) => {
      if (!isStarKind(section.kind)) return [];
      const first = seen.get(section.kind);
      if (first === undefined) {
        seen.set(section.kind, section.markerRange[0]);
        return [];
      }
      const line = lines.lineAt(first) + 1;
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
