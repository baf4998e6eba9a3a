import { spokenTime, type StoryStats } from '../coach/stats';
import type { Finding } from '../findings';
import type { SlotProgress, SlotState } from '../model/progress';
import type { Story } from '../model/types';

const MARKS: Readonly<Record<SlotState, string>> = { done: '✓', weak: '⚠', missing: '✗' };

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/**
 * `S ✓ T ⚠ A ✗ R ✓ · 240 words · ~1m36s · 2 hints`: the story at a glance. A missing optional
 * slot (a Learning) is left out: it is a bonus, never a gap, and a ✗ would read as one. No
 * "0 hints" either: the line stays short where all is well.
 */
export function storyLens(progress: readonly SlotProgress[], stats: Pick<StoryStats, 'words' | 'seconds'>, hints: number): string {
  const slots = progress.filter(({ slot, state }) => !(slot.optional && state === 'missing')).map(({ slot, state }) => `${slot.letter} ${MARKS[state]}`);
  const parts = [slots.join(' '), plural(stats.words, 'word'), spokenTime(stats.seconds)];
  if (hints > 0) parts.push(plural(hints, 'hint'));
  return parts.join(' · ');
}

/** The story's findings at hint level, after the user's severities: the coaching, not the gaps. */
export function storyHints(findings: readonly Finding[], story: Story): number {
  const [start, end] = story.range;
  return findings.filter((finding) => finding.severity === 'hint' && finding.range[0] >= start && finding.range[0] < end).length;
}
