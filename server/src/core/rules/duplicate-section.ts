import { SECTION_NAMES } from '../model/sections';
import { storyLabel } from '../model/frameworks';
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
      const star = section.kinds.filter(isStarKind);
      const again = star.find((kind) => seen.has(kind));
      const first = again && seen.get(again);
      star.forEach((kind) => seen.has(kind) || seen.set(kind, section.markerRange[0]));
      if (!again || first === undefined) return [];
      const line = lines.lineAt(first) + 1;
      return [
        {
          code: 'duplicate-section',
          range: section.markerRange,
          message: `${storyLabel(story, true)} has a second ${SECTION_NAMES[again]} (the first is on line ${line}); merge them.`,
          data: { kind: again },
        },
      ];
    });
  },
};
