import { balance, balanceLine, storyStats } from '../coach/stats';
import { storyLabel } from '../model/frameworks';
import type { StoryRule } from './rule';

/**
 * Balance means little in a story of a few lines: a compact bullet story of a sentence a section
 * is told in proportion by its shape. About twenty-five seconds of STAR words before it counts.
 */
const MIN_WORDS = 60;
/** A combined section's words are shared out in fractions (a third each), which need not add up exactly. */
const EPSILON = 1e-9;

export const unbalanced: StoryRule = {
  name: 'unbalanced',
  codes: {
    unbalanced: {
      severity: 'hint',
      description: 'the Situation and Task together take more words than the Action, or the Action is under a quarter of the story',
      explanation:
        'Coaches give the Action the largest part of an answer, often half: it is what you did, and what the interviewer scores. A story that spends its words setting the scene runs out of time before the part that counts. The shares are of the words in the Situation, Task, Action and Result (in CAR or PAR the Context or Problem counts as Situation and Task); stories under 60 such words are not checked.',
      bad: '## Winning back a lapsed account\n\n- Situation: Our biggest regional customer, a chain of forty garden centres, had not ordered in three months after a delivery went wrong at their spring launch, and their new buyer had told my manager she was talking to two of our competitors about the next season.\n- Task: As account lead I had to find out what had gone wrong, win back her trust and get an order in before the summer range closed.\n- Action: I visited her, apologised for the launch and offered a trial order.\n- Result: She placed a £60k order for summer.',
      good: '## Winning back a lapsed account\n\n- Situation: Our biggest regional customer had not ordered in three months after a botched spring delivery.\n- Task: As account lead I had to win the summer order back.\n- Action: I drove to their head office, went through the failed delivery with the buyer line by line, and showed her the carrier we had moved to. I offered a trial order at our cost for delivery, and I gave her my own number for the first four drops.\n- Result: She placed a £60k order for summer, and reordered in the autumn.',
    },
  },
  settings: [],
  check(story, { settings }) {
    const stats = storyStats(story, settings.wordsPerMinute);
    const { situation = 0, task = 0, action, result = 0 } = stats.byKind;
    // An Action not yet written is empty-section's or incomplete-section's to say; its share means nothing yet.
    if (action === undefined || action < settings.minWords || situation + task + action + result < MIN_WORDS) return [];
    // Words, not shares: 16 + 13 words of scene against 29 of Action is a tie, which shares' rounding would tip.
    const sceneHeavy = situation + task > action + EPSILON;
    if (!sceneHeavy && stats.shares.action! >= 0.25) return [];
    const actionName = story.sections.find((section) => section.kinds.includes('action'))!.name;
    const why = sceneHeavy ? 'spends more words setting the scene than on' : 'gives under a quarter of its words to';
    return [
      {
        code: 'unbalanced',
        range: story.anchor,
        message: `${storyLabel(story, true)} ${why} the ${actionName} (${balanceLine(balance(story, stats))}): cut the scene-setting and tell more of what you did.`,
        data: { shares: stats.shares },
      },
    ];
  },
};
