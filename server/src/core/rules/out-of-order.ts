import { quoteTitle } from '../model/sections';
import { FRAMEWORKS, rankIn, storyLabel } from '../model/frameworks';
import { reorderEdit } from '../features/fixes';
import type { StoryRule } from './rule';

/**
 * One finding per story, on the first section told too late: a story told R, S, A, T has one
 * problem (its order), and one quick fix reorders all of it.
 */
export const outOfOrder: StoryRule = {
  name: 'out-of-order',
  codes: {
    'out-of-order': {
      severity: 'information',
      description: 'sections not in S, T, A, R order (once per story)',
      explanation:
        'Interviewers follow a story in the order it happened: the scene, your job in it, what you did, what came of it. A story told Result-first can work out loud, but in notes it is usually a sign of sections added later in the wrong place.',
      bad: '- Task: Cut food waste by a fifth.\n- Situation: A 120-cover restaurant binning 30 kg a night.\n- Action: Re-costed the menu.\n- Result: Waste fell 28%.',
      good: '- Situation: A 120-cover restaurant binning 30 kg a night.\n- Task: Cut food waste by a fifth.\n- Action: Re-costed the menu.\n- Result: Waste fell 28%.',
      quickFix: "moves the story's sections into STAR order, keeping every word (not offered where a move would change the document's structure)",
    },
  },
  settings: ['aliases'],
  check(story) {
    const framework = FRAMEWORKS[story.framework.id];
    const ranked = story.sections.map((section) => ({ section, rank: rankIn(framework, section) })).filter(({ rank }) => rank >= 0);
    const offender = ranked.find(({ rank }, i) => ranked.slice(0, i).some((before) => before.rank > rank));
    if (!offender) return [];
    const told = ranked.map(({ section }) => section.name).join(', ');
    const order = framework.slots.map((slot) => slot.name).join(', ');
    return [
      {
        code: 'out-of-order',
        range: offender.section.markerRange,
        message: `${storyLabel(story, true)} tells ${told}; tell it in ${framework.name} order (${order}).`,
        data: { kind: offender.section.kinds[0] },
      },
    ];
  },
  fixes({ doc, story }) {
    const edit = reorderEdit(doc, story);
    return edit ? [{ title: `Put the sections of ${quoteTitle(story.title)} in ${FRAMEWORKS[story.framework.id].name} order`, edits: [edit], isPreferred: true }] : [];
  },
};
