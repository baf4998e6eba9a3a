import { spokenTime, storyStats } from '../coach/stats';
import { storyLabel } from '../model/frameworks';
import { isComplete, storyProgress } from '../model/progress';
import type { StoryRule } from './rule';

export const tooShort: StoryRule = {
  name: 'too-short',
  codes: {
    'too-short': {
      severity: 'off',
      description: 'a complete story that takes less than `starNotes.minSpokenSeconds` (45) to tell at `starNotes.wordsPerMinute` (150); off unless turned on',
      explanation:
        'A story told in under a minute is usually an outline: the interviewer will have to pull the Action out of you question by question. Off by default, because compact bullet notes are short by design and are expanded when spoken; turn it on (`"starNotes.severity": { "too-short": "hint" }`) for notes you rehearse word for word. Only complete stories get it: an unfinished one has other findings to fix first.',
      bad: '- Situation: Our Year 9 set was behind on fractions.\n- Task: Catch them up before the mock exams.\n- Action: I ran short starter quizzes every lesson.\n- Result: The class average went from 41% to 63%.',
      good: '- Situation: Our Year 9 set was behind on fractions, a third of them by more than a year, and the mock exams were six weeks away.\n- Task: As their maths teacher I had to close the gap without losing the rest of the scheme of work.\n- Action: I ran five-minute starter quizzes every lesson, marked them that evening and regrouped the tables each week by what the quiz showed. I sent a short note home to the parents of the nine furthest behind, and I ran a Thursday lunch club that five of them came to.\n- Result: The class average went from 41% to 63% in the mocks, and seven of the nine passed, two of them with a grade 5.',
    },
  },
  settings: ['wordsPerMinute', 'minSpokenSeconds', 'minWords'],
  check(story, { text, settings }) {
    const { words, seconds } = storyStats(story, settings.wordsPerMinute);
    // Complete last: storyProgress reads every section, the length is already counted.
    if (seconds >= settings.minSpokenSeconds || !isComplete(storyProgress(story, text, settings))) return [];
    return [
      {
        code: 'too-short',
        range: story.anchor,
        message: `${storyLabel(story, true)} takes ${spokenTime(seconds)} to tell (${words} words at ${settings.wordsPerMinute} a minute), under ${spokenTime(settings.minSpokenSeconds).slice(1)}: say what you did step by step, and what it changed.`,
        data: { words, seconds },
      },
    ];
  },
};
