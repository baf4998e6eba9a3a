import type { Analysis } from '../analyze';
import { storyStats } from '../coach/stats';
import { storyHints } from '../features/lens';
import { isComplete, storyProgress } from '../model/progress';
import type { Settings } from '../settings';
import type { OffsetRange } from '../text';
import { themeDeclarations } from './declared';
import { storyThemes, type Theme } from './themes';
import type { Range, StoriesResult, StoryEntry } from './types';

/**
 * The bank's entries for one document's stories. `rangeOf` turns offsets into positions: the
 * server's edge does that with the document it has, the CLI with the text it read.
 */
export function storyEntries(uri: string, analysis: Analysis, settings: Settings, rangeOf: (offsets: OffsetRange) => Range): StoryEntry[] {
  if (analysis.doc.stories.length === 0) return [];
  const declarations = themeDeclarations(analysis);
  return analysis.doc.stories.map((story) => {
    const progress = storyProgress(story, analysis.doc.text, settings);
    const stats = storyStats(story, settings.wordsPerMinute);
    return {
      uri,
      title: story.title,
      range: rangeOf(story.anchor),
      framework: story.framework.id,
      complete: isComplete(progress),
      slots: progress.map(({ slot, state }) => ({ letter: slot.letter, name: slot.name, state })),
      words: stats.words,
      seconds: stats.seconds,
      hints: storyHints(analysis.findings, story),
      themes: storyThemes(story.title, declarations.get(story)!, settings.themes),
    };
  });
}

/** The stories with the set's themes, each covered once a complete story has it: an unfinished story is not ready to tell. */
export function storiesResult(stories: StoryEntry[], themes: readonly Theme[]): StoriesResult {
  const covered = new Set(stories.flatMap((story) => (story.complete ? story.themes.map((theme) => theme.id) : [])));
  return { stories, themes: themes.map((theme) => ({ id: theme.id, name: theme.name, covered: covered.has(theme.id) })) };
}
