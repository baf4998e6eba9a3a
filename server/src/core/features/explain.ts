import { STRONG_SECTION } from '../coach/guidance';
import { balance, balanceLine, secondsFor, spokenTime, storyStats } from '../coach/stats';
import { FRAMEWORKS } from '../model/frameworks';
import { isStarKind, type StarDocument } from '../model/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { OffsetRange } from '../text';
import { completeness, type OutlineSettings } from './outline';

export interface Explanation {
  range: OffsetRange;
  markdown: string;
}

/** What the length figures are measured against. */
export type PaceSettings = Pick<Settings, 'wordsPerMinute' | 'maxSpokenSeconds'>;

/**
 * What STAR Notes made of the story whose heading, question or title cell is at `offset`: its
 * framework, why that one, and which of its sections it has; then how long it takes to tell and
 * where its words go. Writers of CAR or PAR see that their framework was understood; a STAR
 * writer sees why a Problem did not stand in for a Task.
 */
export function explainStory(doc: StarDocument, offset: number, settings: PaceSettings & OutlineSettings = DEFAULT_SETTINGS): Explanation | undefined {
  const story = doc.stories.find(({ anchor }) => anchor[0] <= offset && offset <= anchor[1]);
  if (!story) return undefined;
  const framework = FRAMEWORKS[story.framework.id];
  const slots = framework.slots.map((slot) => slot.name).join(', ');
  const stats = storyStats(story, settings.wordsPerMinute);
  const parts = balance(story, stats);
  return {
    range: story.anchor,
    markdown: [
      `**${framework.name} story** (${slots}): \`${completeness(story, doc.text, settings)}\``,
      '',
      `${plural(stats.words, 'word')} · ${spokenTime(stats.seconds)} to tell at ${settings.wordsPerMinute} words a minute (aim for under ${spokenTime(settings.maxSpokenSeconds).slice(1)})`,
      ...(parts.length > 0 ? ['', `Balance: ${balanceLine(parts)}`] : []),
      '',
      `${framework.name}, because ${story.framework.reason}. Set \`starNotes.frameworks\` to choose which frameworks count.`,
    ].join('\n'),
  };
}

/**
 * On a section's marker: its words and spoken time, its part of the story, and what a strong
 * section of its kind holds, named as the story's framework names it (a PAR story's Problem).
 */
export function explainSection(doc: StarDocument, offset: number, settings: PaceSettings = DEFAULT_SETTINGS): Explanation | undefined {
  for (const story of doc.stories) {
    if (offset < story.range[0] || offset > story.range[1]) continue;
    const section = story.sections.find(({ markerRange }) => markerRange[0] <= offset && offset <= markerRange[1]);
    if (!section) continue;
    const framework = FRAMEWORKS[story.framework.id];
    const slots = framework.slots.filter((slot) => slot.kinds.some((kind) => section.kinds.includes(kind)));
    const stats = storyStats(story, settings.wordsPerMinute);
    const starWords = Object.values(stats.byKind).reduce((sum, words) => sum + words, 0);
    const counted = section.kinds.some(isStarKind) && starWords > 0;
    const share = counted ? ` · ${Math.round((section.words / starWords) * 100)}% of the story` : '';
    const figures = `**${section.name}** · ${plural(section.words, 'word')} · ${spokenTime(secondsFor(section.words, settings.wordsPerMinute))}${share}`;
    const notes = section.kinds.every((kind) => kind === 'notes');
    const advice = notes
      ? ['Notes are for you, not the interviewer: they are left out of the spoken length.']
      : slots.flatMap((slot) => (STRONG_SECTION[slot.name] ? [`A strong ${slot.name}: ${STRONG_SECTION[slot.name]}`] : []));
    return { range: section.markerRange, markdown: [figures, ...advice.flatMap((line) => ['', line])].join('\n') };
  }
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
