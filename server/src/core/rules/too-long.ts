import { spokenTime, storyStats } from '../coach/stats';
import { storyLabel } from '../model/frameworks';
import type { StoryRule } from './rule';

export const tooLong: StoryRule = {
  name: 'too-long',
  codes: {
    'too-long': {
      severity: 'hint',
      description: 'the story takes longer than `starNotes.maxSpokenSeconds` (180) to tell at `starNotes.wordsPerMinute` (150)',
      explanation:
        'Coaches aim for about two minutes an answer: past three, the interviewer stops listening and starts waiting to ask the next question. The spoken length counts the words of every section but Notes, at your pace (`starNotes.wordsPerMinute`). Cut the scene-setting first; the Action is what they are hiring.',
      bad: [
        '## Rebuilding the night rota',
        '',
        '- Situation: I had been on the surgical ward for about four years by then, first as a staff nurse and later as one of the two deputies, and the ward had been through a lot in that time. We had a new matron who had come over from the medical division, half of the senior staff had retired or left for the private hospital down the road, and the trust had just merged our ward with the short-stay unit next door, so we had twenty-eight beds instead of eighteen but roughly the same number of nurses on the establishment. Nights were the worst of it. Most weeks two of the night shifts ran two nurses short, bank and agency costs had doubled over the year, and the staff survey had come back with the lowest scores in the division, with a lot of people writing that they felt they were always being asked to stay late or come in on their days off. There had also been two incidents on nights that were investigated, one a missed observation and one a medication error, and although neither caused lasting harm, both reports mentioned staffing as a factor.',
        '- Task: The matron asked me, as the deputy who did most of the nights, to take over the rota from the ward clerk and to come up with something that would fill the night shifts without burning people out. She wanted a plan before the winter pressures started, which gave me about three months, and she wanted it to fit the trust\'s new e-rostering system, which nobody on the ward had really learned to use yet. I also had to keep the staff side on board, because the last rota change two years earlier had ended in a formal grievance.',
        '- Action: I started by going through six months of rotas and sickness records to see where the gaps actually were, and I found that most of them came from the same three nights of the week and from annual leave being approved without anyone checking nights. I met every member of the night team, one to one, over two weeks, and asked what would make them pick up a shift or stay on nights. I then drafted a self-rostering model with three rules: everyone requests their shifts in a six-week window, no more than three nights in a row, and leave is approved against the night cover first. I took the draft to the staff side rep and the matron together, changed the leave rule after their feedback, and ran a pilot on our ward for one six-week cycle. I taught the e-rostering system to the band sixes myself in four short sessions, so that someone who knew it was on every shift, and I checked the rota every Monday with the matron during the pilot.',
        '- Result: By December unfilled night shifts fell from thirty to four a month, agency spend on nights halved, and the division rolled the model out to two more wards in the new year.',
      ].join('\n'),
      good: '## Rebuilding the night rota\n\n- Situation: Nights ran two nurses short most weeks, and bank costs had doubled.\n- Task: As deputy I had to fix the rota before winter.\n- Action: I moved us to self-rostering with three rules, piloted it on one ward and ran it weekly with the matron.\n- Result: Unfilled night shifts fell from 30 to 4 a month by December.',
    },
  },
  settings: ['wordsPerMinute', 'maxSpokenSeconds'],
  check(story, { settings }) {
    const { words, seconds } = storyStats(story, settings.wordsPerMinute);
    if (seconds <= settings.maxSpokenSeconds) return [];
    return [
      {
        code: 'too-long',
        range: story.anchor,
        message: `${storyLabel(story, true)} takes ${spokenTime(seconds)} to tell (${words} words at ${settings.wordsPerMinute} a minute), over ${spokenTime(settings.maxSpokenSeconds).slice(1)}: trim the scene-setting and keep the Action.`,
        data: { words, seconds },
      },
    ];
  },
};
