import { FRAMEWORKS } from '../model/frameworks';
import { isStarKind, STAR_KINDS, type Section, type StarKind, type Story } from '../model/types';

/** How long a story takes to tell, and where its words go. */
export interface StoryStats {
  /** Words of every section but Notes: what the writer would say out loud. */
  words: number;
  /** `words` spoken at the given pace, whole seconds. */
  seconds: number;
  /** Words per STAR section; a combined section (`Situation/Task`, a PAR Problem) shares its words out evenly. */
  byKind: Partial<Record<StarKind, number>>;
  /** Each STAR section's part of the STAR words, 0..1; empty when the story has no STAR words. */
  shares: Partial<Record<StarKind, number>>;
}

/** A Notes section is the writer's reminder to themselves, not part of the answer. */
const spoken = (section: Section) => !section.kinds.every((kind) => kind === 'notes');

export function storyStats(story: Story, wordsPerMinute: number): StoryStats {
  const byKind: Partial<Record<StarKind, number>> = {};
  let words = 0;
  for (const section of story.sections) {
    if (!spoken(section)) continue;
    words += section.words;
    const kinds = section.kinds.filter(isStarKind);
    for (const kind of kinds) byKind[kind] = (byKind[kind] ?? 0) + section.words / kinds.length;
  }
  const starWords = STAR_KINDS.reduce((sum, kind) => sum + (byKind[kind] ?? 0), 0);
  const shares: Partial<Record<StarKind, number>> = {};
  if (starWords > 0) for (const kind of STAR_KINDS) if (byKind[kind] !== undefined) shares[kind] = byKind[kind]! / starWords;
  return { words, seconds: secondsFor(words, wordsPerMinute), byKind, shares };
}

export function secondsFor(words: number, wordsPerMinute: number): number {
  return Math.round((words * 60) / wordsPerMinute);
}

/** "~1m36s", "~2m", "~45s": a spoken length is an estimate, and says so. */
export function spokenTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `~${whole}s`;
  const rest = whole % 60;
  return `~${Math.floor(whole / 60)}m${rest === 0 ? '' : `${String(rest).padStart(2, '0')}s`}`;
}

/** A part of the balance line: the story's sections as its framework names them. */
export interface BalancePart {
  name: string;
  kinds: readonly StarKind[];
  share: number;
}

/**
 * The shares as the writer would name them: by the framework's slots (a PAR story's Problem, a
 * CAR story's Context), with slots that one combined section fills (`Situation/Task`) shown as
 * one, since its words cannot be told apart. Slots the story lacks are left out.
 */
export function balance(story: Story, stats: StoryStats): BalancePart[] {
  const slots = FRAMEWORKS[story.framework.id].slots.filter((slot) => !slot.optional);
  const groups: { names: string[]; kinds: StarKind[] }[] = slots.map((slot) => ({ names: [slot.name], kinds: [...(slot.kinds as readonly StarKind[])] }));
  for (const section of story.sections) {
    const touched = groups.filter((group) => group.kinds.some((kind) => section.kinds.includes(kind)));
    if (touched.length < 2) continue;
    const [first, ...others] = touched;
    for (const other of others) {
      first.names.push(...other.names);
      first.kinds.push(...other.kinds);
      groups.splice(groups.indexOf(other), 1);
    }
  }
  return groups.flatMap((group) => {
    const present = group.kinds.filter((kind) => stats.shares[kind] !== undefined);
    if (present.length === 0) return [];
    const share = present.reduce((sum, kind) => sum + stats.shares[kind]!, 0);
    return [{ name: group.names.join(' / '), kinds: group.kinds, share }];
  });
}

/** "Situation 46% · Task 12% · Action 22% · Result 20%". */
export function balanceLine(parts: readonly BalancePart[]): string {
  return parts.map((part) => `${part.name} ${Math.round(part.share * 100)}%`).join(' · ');
}
