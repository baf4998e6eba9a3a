import { sectionProse } from '../coach/prose';
import { storyLabel } from '../model/frameworks';
import type { StoryRule } from './rule';

const OWN = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
const TEAM = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves']);

/** Below this many mentions of the team, "we" is how the story is told, not whose story it is. */
const MIN_TEAM = 4;

/** How often an Action says "I, my, me" and "we, our, us, the team". */
export function voiceCounts(prose: string): { own: number; team: number } {
  let own = 0;
  let team = 0;
  let previous = '';
  // "i.e." is no "I"; "US" in capitals is the country.
  for (const match of prose.replace(/\bi\.e\./gi, ' ').matchAll(/[\p{L}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0].replace('’', "'");
    const lower = word.toLowerCase();
    if (OWN.has(lower)) own++;
    else if (TEAM.has(lower) && word !== 'US') team++;
    else if (lower === 'team' && previous === 'the') team++;
    previous = lower;
  }
  return { own, team };
}

const times = (n: number) => (n === 0 ? 'never' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export const teamVoice: StoryRule = {
  name: 'team-voice',
  codes: {
    'team-voice': {
      severity: 'hint',
      description: 'the Action says "we", "our" and "the team" clearly more often than "I", "my" and "me"',
      explanation:
        'The interviewer is hiring you, not your team: an Action told in "we" leaves them asking what *you* did. Keep the team in the story, and say which steps were yours. The hint counts both sides in the Action (in every framework, including CAR and PAR) and needs at least four mentions of the team and twice as many as of you, so a nurse who says "we" for the ward and "I" for her own part gets no hint.',
      bad: '- Situation: The release train kept slipping.\n- Task: Get releases back to every two weeks.\n- Action: We mapped the pipeline, we cut the manual sign-offs, our team added smoke tests and we trained the other squads.\n- Result: Releases went out every two weeks for six months.',
      good: '- Situation: The release train kept slipping.\n- Task: Get releases back to every two weeks.\n- Action: I mapped the pipeline with the team, I cut the manual sign-offs, we added smoke tests and I trained the other squads.\n- Result: Releases went out every two weeks for six months.',
    },
  },
  settings: [],
  check(story, { text }) {
    return story.sections.flatMap((section) => {
      if (!section.kinds.includes('action') || section.words === 0) return [];
      const { own, team } = voiceCounts(sectionProse(text, section).prose);
      if (team < MIN_TEAM || team < 2 * own) return [];
      return [
        {
          code: 'team-voice',
          range: section.markerRange,
          message: `${section.name} of ${storyLabel(story)} says "we", "our" or "the team" ${times(team)} and "I", "my" or "me" ${times(own)}: say which steps were yours.`,
          data: { own, team },
        },
      ];
    });
  },
};
