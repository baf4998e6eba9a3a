import { insertSectionEdit } from '../features/fixes';
import { FRAMEWORKS, slotOf, storyLabel } from '../model/frameworks';
import { quoteTitle, SECTION_NAMES, STAR_PROMPTS } from '../model/sections';
import { STAR_KINDS, type SectionKind, type StarKind } from '../model/types';
import type { CodeInfo, StoryRule } from './rule';

const EXAMPLES: Readonly<Record<StarKind, { bad: string; good: string }>> = {
  situation: {
    bad: '## Cutting build times\n\n- Task: Get CI under ten minutes.\n- Action: Split the test suite and cached dependencies.\n- Result: Builds went from 40 to 8 minutes.',
    good: '## Cutting build times\n\n- Situation: Forty-minute builds were blocking six teams.\n- Task: Get CI under ten minutes.\n- Action: Split the test suite and cached dependencies.\n- Result: Builds went from 40 to 8 minutes.',
  },
  task: {
    bad: '### Situation\n\nA parent complained that her son was being singled out.\n\n### Action\n\nI moved the conversation to a quiet room.\n\n### Result\n\nShe thanked me and the complaint was closed.',
    good: '### Situation\n\nA parent complained that her son was being singled out.\n\n### Task\n\nAs head of year I had to resolve it before it reached the governors.\n\n### Action\n\nI moved the conversation to a quiet room.\n\n### Result\n\nShe thanked me and the complaint was closed within 48 hours.',
  },
  action: {
    bad: '**Situation:** Two billing systems ran in parallel.\n\n**Task:** Retire the legacy one in two quarters.\n\n**Result:** Migrated 1,200 accounts; churn stayed at 0.8%.',
    good: '**Situation:** Two billing systems ran in parallel.\n\n**Task:** Retire the legacy one in two quarters.\n\n**Action:** I mapped every plan and ran a dual-write period.\n\n**Result:** Migrated 1,200 accounts; churn stayed at 0.8%.',
  },
  result: {
    bad: '- Situation: Night shift, two nurses instead of four.\n- Task: Escalate a deteriorating patient.\n- Action: I called outreach and delegated the observations.',
    good: '- Situation: Night shift, two nurses instead of four.\n- Task: Escalate a deteriorating patient.\n- Action: I called outreach and delegated the observations.\n- Result: The patient reached HDU within forty minutes.',
  },
};

const MEANING: Readonly<Record<StarKind, string>> = {
  situation: ': a CAR story without its Context or Challenge, a PAR story without its Problem',
  task: ': a SOAR story without its Obstacle',
  action: '',
  result: '',
};

const codeInfo = (kind: StarKind): CodeInfo => ({
  severity: 'warning',
  description: `the story has no ${SECTION_NAMES[kind]} (reported on the story heading)`,
  explanation: `A STAR answer that skips its ${SECTION_NAMES[kind]} leaves the interviewer to guess. The ${SECTION_NAMES[kind]} answers: ${STAR_PROMPTS[kind]} Any of the section's names counts (see "What it understands" in the README). In another framework the code names the STAR section its own section stands for${MEANING[kind]}.`,
  ...EXAMPLES[kind],
  quickFix: `inserts a ${SECTION_NAMES[kind]} section where STAR order puts it, written like its neighbours, with the cursor in a coaching prompt`,
});

export const missingSection: StoryRule = {
  name: 'missing-section',
  codes: Object.fromEntries(STAR_KINDS.map((kind) => [`missing-${kind}`, codeInfo(kind)])),
  settings: ['aliases'],
  check(story) {
    const present = new Set<SectionKind>(story.sections.flatMap((section) => section.kinds));
    return FRAMEWORKS[story.framework.id].slots
      .filter((slot) => !slot.optional && !slot.kinds.some((kind) => present.has(kind)))
      .map((slot) => ({
        code: `missing-${slot.kinds[0]}`,
        range: story.anchor,
        message: `${storyLabel(story, true)} has no ${slot.name}: ${slot.prompt}`,
        data: { kind: slot.kinds[0] },
      }));
  },
  fixes({ doc, story, code }) {
    const kind = STAR_KINDS.find((candidate) => code === `missing-${candidate}`);
    const slot = kind && slotOf(FRAMEWORKS[story.framework.id], kind);
    if (!kind || !slot || story.sections.some((section) => slot.kinds.some((covered) => section.kinds.includes(covered)))) return [];
    const edit = insertSectionEdit(doc, story, kind);
    return edit ? [{ title: `Add ${slot.name} to story ${quoteTitle(story.title)}`, edits: [edit], isPreferred: true }] : [];
  },
};
