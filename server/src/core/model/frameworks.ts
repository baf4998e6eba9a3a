import { quoteTitle, SECTION_NAMES, STAR_PROMPTS } from './sections';
import { type ChosenFramework, type FrameworkId, type FrameworkTerm, type Section, type SectionKind, type StarKind, type Story } from './types';

/** One letter of a framework: the sections that fill it, and what to call it. */
export interface Slot {
  letter: string;
  name: string;
  /** What the slot answers, for messages and the prompt an inserted section starts with. */
  prompt: string;
  kinds: readonly StarKind[] | readonly ['learning'];
  /** Not reported when missing: a Learning is a bonus, never a gap (there is no `missing-learning`). */
  optional?: boolean;
}

export interface Framework {
  id: FrameworkId;
  name: string;
  slots: readonly Slot[];
  /** What the framework's own words count as in its stories. */
  terms: Partial<Record<FrameworkTerm, readonly StarKind[]>>;
}

const S: Slot = { letter: 'S', name: 'Situation', prompt: STAR_PROMPTS.situation, kinds: ['situation'] };
const T: Slot = { letter: 'T', name: 'Task', prompt: STAR_PROMPTS.task, kinds: ['task'] };
const A: Slot = { letter: 'A', name: 'Action', prompt: STAR_PROMPTS.action, kinds: ['action'] };
const R: Slot = { letter: 'R', name: 'Result', prompt: STAR_PROMPTS.result, kinds: ['result'] };
const L: Slot = { letter: 'L', name: 'Learning', prompt: 'what would you do differently, and what do you do now because of it?', kinds: ['learning'], optional: true };
const C: Slot = { letter: 'C', name: 'Context', prompt: 'what was the challenge, and what was at stake for you?', kinds: ['situation', 'task'] };
const P: Slot = { letter: 'P', name: 'Problem', prompt: 'what was wrong, for whom, and why was it yours to solve?', kinds: ['situation', 'task'] };
const O: Slot = { letter: 'O', name: 'Obstacle', prompt: 'what stood in your way?', kinds: ['task'] };

/** In STAR a Problem or Challenge with no Situation tells the scene, an Obstacle with no Task the job. */
const STAR_TERMS: Framework['terms'] = { problem: ['situation'], challenge: ['situation'], obstacle: ['task'] };
const CAR_TERMS: Framework['terms'] = { ...STAR_TERMS, challenge: C.kinds as readonly StarKind[], context: C.kinds as readonly StarKind[] };

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
  star: { id: 'star', name: 'STAR', slots: [S, T, A, R], terms: STAR_TERMS },
  'star-l': { id: 'star-l', name: 'STAR-L', slots: [S, T, A, R, L], terms: STAR_TERMS },
  car: { id: 'car', name: 'CAR', slots: [C, A, R], terms: CAR_TERMS },
  'car-l': { id: 'car-l', name: 'CAR-L', slots: [C, A, R, L], terms: CAR_TERMS },
  par: { id: 'par', name: 'PAR', slots: [P, A, R], terms: { ...STAR_TERMS, problem: P.kinds as readonly StarKind[] } },
  soar: { id: 'soar', name: 'SOAR', slots: [S, O, A, R], terms: STAR_TERMS },
  sar: { id: 'sar', name: 'SAR', slots: [S, A, R], terms: STAR_TERMS },
};

/** Every framework but SAR, which a story with no Task would otherwise be mistaken for. */
export const DEFAULT_FRAMEWORKS: readonly FrameworkId[] = ['star', 'star-l', 'car', 'car-l', 'par', 'soar'];

/** A framework named in a heading, `(PAR)`, or in front matter, `framework: par`. */
const TAGS: Readonly<Record<string, FrameworkId>> = {
  star: 'star', 'star-l': 'star-l', starr: 'star-l', car: 'car', 'car-l': 'car-l', par: 'par', soar: 'soar', sar: 'sar', sao: 'sar',
};

export function frameworkOfTag(tag: string): FrameworkId | undefined {
  return Object.hasOwn(TAGS, tag.toLowerCase()) ? TAGS[tag.toLowerCase()] : undefined;
}

const HEADING_TAG = /\((STAR-L|STARR|STAR|CAR-L|CAR|PAR|SOAR|SAR|SAO)\)/;

export function headingTag(heading: string): FrameworkId | undefined {
  const match = HEADING_TAG.exec(heading);
  return match ? frameworkOfTag(match[1]) : undefined;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
const TERM_NAMES: Readonly<Record<FrameworkTerm, string>> = { problem: 'Problem', challenge: 'Challenge', obstacle: 'Obstacle', context: 'Context' };

/**
 * The framework a story is told in, from the words it uses. A framework's own word picks it only
 * where the STAR words it replaces are missing, so a STAR story with a Challenges section stays
 * STAR; SAR counts only when the writer or the settings say so, or every story missing its Task
 * would pass as a complete SAR story.
 */
export function chooseFramework(sections: readonly Section[], enabled: readonly FrameworkId[], declared?: { id: FrameworkId; why: string }): ChosenFramework {
  if (declared) return { id: declared.id, reason: declared.why };
  const has = (kind: SectionKind) => sections.some((section) => section.kinds.includes(kind) && section.term !== 'context');
  // The first of these words the story uses, in this order: a PAR story may set its Context before its Problem.
  const term = (...terms: FrameworkTerm[]) => terms.find((wanted) => sections.some((section) => section.term === wanted));
  const learning = sections.some((section) => section.kinds.includes('learning'));
  const pick = (id: FrameworkId, reason: string): ChosenFramework => {
    const wanted = learning && (id === 'star' || id === 'car') ? (`${id}-l` as FrameworkId) : id;
    const because = wanted === id ? reason : `${reason}, and its Learning makes it ${FRAMEWORKS[wanted].name}`;
    for (const candidate of [wanted, id, ...(learning ? (['star-l'] as const) : []), 'star' as const]) {
      if (!enabled.includes(candidate) && candidate !== 'star') continue;
      if (candidate === wanted) return { id: candidate, reason: because };
      return { id: candidate, reason: `${FRAMEWORKS[wanted].name} would fit (${because}), but starNotes.frameworks leaves it out` };
    }
    return { id: 'star', reason: because };
  };
  const replacing = !has('situation') && !has('task') ? term('problem', 'challenge', 'context') : undefined;
  if (replacing) return pick(replacing === 'problem' ? 'par' : 'car', `it has ${article(TERM_NAMES[replacing])} and no Situation or Task`);
  if (!has('task') && term('obstacle')) return pick('soar', 'it has an Obstacle and no Task');
  if (enabled.includes('sar') && has('situation') && !has('task')) return pick('sar', 'it has a Situation and no Task, and starNotes.frameworks includes sar');
  return pick('star', 'it uses the STAR words');
}

/**
 * What each section counts as in the framework: its own kinds, and for a framework word the
 * kinds its slot stands for that no other section already gives (so a PAR story's Context stays
 * the Situation and its Problem is the Task). A word left with nothing to stand for is an extra.
 * `sections` hold the kinds their markers name; they are given their kinds and names in place.
 */
export function applyFramework(sections: Section[], framework: Framework): void {
  const covered = new Set<SectionKind>();
  for (const section of sections) if (!(section.term && framework.terms[section.term])) section.kinds.forEach((kind) => covered.add(kind));
  for (const section of sections) {
    const stands = section.term ? framework.terms[section.term] : undefined;
    if (!stands) {
      section.name = sectionName(section.kinds, section.term === 'context' ? undefined : section.term);
      continue;
    }
    const kinds = stands.filter((kind) => !covered.has(kind));
    kinds.forEach((kind) => covered.add(kind));
    section.kinds = kinds.length > 0 ? kinds : ['challenges'];
    section.name = sectionName(kinds, section.term);
  }
}

/** A section's place in its framework's order; -1 for sections that fill no required slot. */
export function rankIn(framework: Framework, section: Pick<Section, 'kinds'>): number {
  // An optional slot has no place: a Learning may come anywhere, as an extra section always could.
  return framework.slots.findIndex((slot) => !slot.optional && slot.kinds.some((kind) => section.kinds.includes(kind)));
}

/** The slot a kind is part of in a framework, if any. */
export function slotOf(framework: Framework, kind: SectionKind): Slot | undefined {
  return framework.slots.find((slot) => (slot.kinds as readonly SectionKind[]).includes(kind));
}

/** "Situation", "Situation / Task", or for a framework word its own name. */
function sectionName(kinds: readonly SectionKind[], term?: FrameworkTerm): string {
  return term ? TERM_NAMES[term] : kinds.map((kind) => SECTION_NAMES[kind]).join(' / ');
}


/** "story 'x'" for STAR, "PAR story 'x'" otherwise: a message names the framework it holds the story to. */
export function storyLabel(story: Story, sentenceStart = false): string {
  const which = story.framework.id === 'star' ? (sentenceStart ? 'Story' : 'story') : `${FRAMEWORKS[story.framework.id].name} story`;
  return `${which} ${quoteTitle(story.title)}`;
}
