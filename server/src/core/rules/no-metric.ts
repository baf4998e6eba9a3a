import { storyLabel } from '../model/frameworks';
import { stripComments } from '../text';
import { incompleteReason } from './incomplete-section';
import type { StoryRule } from './rule';

/**
 * What makes a result measurable: a number (digits or a number word), a percentage, money, a
 * before → after, or a word that is itself a measure ("halved", "doubled"). Coaches ask for one in
 * every Result; a story whose Result has none is the one an interviewer follows up on.
 */
const MEASURE =
  /\p{N}|[%£$€¥₹]|→|->|\bfrom\s+\S+(?:\s+\S+)?\s+to\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|per\s?cent|hundreds?|thousands?|millions?|billions?|dozens?|half|halved|doubled?|tripled?|trebled|quadrupled|twice|thrice|zero|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/iu;

export const noMetric: StoryRule = {
  name: 'no-metric',
  codes: {
    'no-metric': {
      severity: 'hint',
      description: 'a Result with no measurable outcome: no number, percentage, money, duration or before → after',
      explanation:
        'Interviewers remember the number. A Result that says the project "went well" invites the follow-up "how well?": say how much, how many, how fast, or from what to what. Any digit counts, and so do words such as "halved", "doubled", "twice" or "from weekly to daily".',
      bad: '- Situation: Releases went out once a month.\n- Task: Ship more often.\n- Action: I automated the release checklist.\n- Result: The team was much happier with releases.',
      good: '- Situation: Releases went out once a month.\n- Task: Ship more often.\n- Action: I automated the release checklist.\n- Result: We went from monthly to weekly releases.',
    },
  },
  settings: ['minWords'],
  check(story, { text, settings }) {
    return story.sections.flatMap((section) => {
      if (!section.kinds.includes('result') || section.words === 0) return [];
      const content = stripComments(text.slice(...section.contentRange)).trim();
      // An unfinished Result (TBD, two words) is incomplete-section's: one finding is enough.
      if (MEASURE.test(content) || incompleteReason(content, section.words, settings.minWords)) return [];
      return [
        {
          code: 'no-metric',
          range: section.markerRange,
          message: `${section.name} of ${storyLabel(story)} has no number in it: how much, how many, how fast, or from what to what?`,
          data: { kind: 'result' },
        },
      ];
    });
  },
};
