import { sectionState, type SectionState } from '../rules/incomplete-section';
import type { Settings } from '../settings';
import { FRAMEWORKS, type Slot } from './frameworks';
import type { Section, SectionKind, Story } from './types';

/**
 * How far a slot of the story's framework is written: `missing` when no section fills it, or
 * only empty ones and ones that still hold a template (a prompt, `[Describe the situation]`,
 * lorem ipsum); `weak` when a section fills it but is unfinished (`incomplete-section`).
 */
export type SlotState = 'done' | 'weak' | 'missing';

export interface SlotProgress {
  slot: Slot;
  state: SlotState;
  /** The sections that count towards the slot, written or not, in story order. */
  sections: Section[];
}

const RANK: Readonly<Record<SlotState, number>> = { missing: 0, weak: 1, done: 2 };

/**
 * One entry per slot of the story's framework, in the framework's order, optional slots
 * (Learning) included. The one place completeness is judged: the outline, the code lens, the
 * story bank and the report all read it, so a template left unfilled is missing everywhere.
 * A slot filled twice counts as its better section.
 */
export function storyProgress(story: Story, text: string, settings: Pick<Settings, 'minWords'>): SlotProgress[] {
  return FRAMEWORKS[story.framework.id].slots.map((slot) => {
    const sections = story.sections.filter((section) => section.kinds.some((kind) => (slot.kinds as readonly SectionKind[]).includes(kind)));
    let state: SlotState = 'missing';
    for (const section of sections) {
      const found = slotState(sectionState(section, text, settings));
      if (RANK[found] > RANK[state]) state = found;
    }
    return { slot, state, sections };
  });
}

/** Every slot that is not optional is done. */
export function isComplete(progress: readonly SlotProgress[]): boolean {
  return progress.every(({ slot, state }) => slot.optional || state === 'done');
}

function slotState(state: SectionState): SlotState {
  if (state === 'done') return 'done';
  return state === 'incomplete' ? 'weak' : 'missing';
}
