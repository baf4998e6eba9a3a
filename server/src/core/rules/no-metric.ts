import { storyLabel } from '../model/frameworks';
import { stripComments } from '../text';
import { incompleteReason } from './incomplete-section';
import type { StoryRule } from './rule';

/**
 * What makes a result measurable: a number (digits or a number word), a percentage, money, a
 * duration ("within a week", "a day early", "overnight"; not the rate in "several times a day"),
 * a count of none ("no new cases", "not a single complaint"), a before → after, or a word that is
 * itself a measure ("halved", "doubled", "tenfold"). Coaches ask for one in every Result; a story
 * whose Result has none is the one an interviewer follows up on.
 */
const MEASURE =
  /\p{N}|[%£$€¥₹]|[→⇒⟶]|->|=>|\bfrom\s+\S+(?:\s+\S+)?\s+to\b|\b(?:within|in|under|inside|over|after|for)\s+(?:an?|half\s+an?)\s+(?:minute|hour|day|shift|week|fortnight|month|term|quarter|year)\b|\ban?\s+(?:minute|hour|day|shift|week|fortnight|month|term|quarter|year)\s+(?:later|earlier|early|ahead|sooner)\b|\b(?:no\s+(?:new|further|more|repeat)|not\s+a\s+single)\b|\b(?:overnight|same[\s-]day|(?:two|three|four|five|six|seven|eight|nine|ten|hundred)-?fold)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|per\s?cent|hundreds?|thousands?|millions?|billions?|dozens?|half|halved|doubled?|tripled?|trebled|quadrupled|twice|thrice|zero|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/iu;

export const noMetric: StoryRule = {
  name: 'no-metric',
  codes: {
    'no-metric': {
      severity: 'hint',
      description: 'a Result with no measurable outcome: no number, percentage, money, duration, count, before → after or "halved"',
      explanation:
        'Interviewers remember the number. A Result that says the project "went well" invites the follow-up "how well?": say how much, how many, how fast, or from what to what. Any digit counts, and so do number words, durations ("within a week", "overnight") and words of change such as "halved", "doubled", "twice" or "from weekly to daily". The hint works in every framework: a CAR or PAR story\'s Result is held to the same.',
      bad: '- Situation: Releases went out once a month.\n- Task: Ship more often.\n- Action: I automated the release checklist.\n- Result: The team was much happier with releases.',
      good: '- Situation: Releases went out once a month.\n- Task: Ship more often.\n- Action: I automated the release checklist.\n- Result: We went from monthly to weekly releases.',
    },
  },
  settings: ['minWords'],
  check(story, { text, settings }) {
    const results = story.sections
      .filter((section) => section.kinds.includes('result') && section.words > 0)
      .map((section) => ({ section, content: stripComments(text.slice(...section.contentRange)).trim() }));
    // A story told with two Results (the guest was fine; the inspection two weeks later) is measured if either is.
    if (results.some(({ content }) => MEASURE.test(content))) return [];
    return results.flatMap(({ section, content }) => {
      // An unfinished Result (TBD, two words) is incomplete-section's: one finding is enough.
      if (incompleteReason(content, section.words, settings.minWords)) return [];
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
