import { storyLabel } from '../model/frameworks';
import { startOfLine, stripComments, trimStart } from '../text';
import type { Section, Story } from '../model/types';
import type { RuleContext, StoryRule } from './rule';

/** Placeholders writers leave for later. Upper case only: "a todo app" is a real project. */
const PLACEHOLDER = /(?<![\p{L}\p{N}])(?:TODO|TBD|TBC|FIXME|XXX)(?![\p{L}\p{N}])|\?{3,}|\[\s*(?:\.\.\.|…)\s*\]/u;

/** Words a finished sentence does not end on: a thought that stops here was cut off. */
const DANGLING_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'so', 'to', 'of', 'for', 'with', 'by', 'in', 'on', 'at', 'from', 'into',
  'because', 'that', 'which', 'who', 'we', 'i', 'my', 'our', 'their', 'they', 'he', 'she', 'was', 'were', 'is',
  'then', 'than', 'while', 'when', 'if', 'also', 'very', 'its', 'his', 'her', 'your', 'as', 'about', 'after', 'before',
]);

/**
 * Spaces, emphasis, closing brackets and quotes a line ends on. The lookbehind lets only the start
 * of a run begin a match: a bare `[…]+$` rescans the run from each character, square time on a long one.
 */
const CLOSERS = /(?<![\s*_`)\]"'”’])[\s*_`)\]"'”’]+$/u;
/** The end of a Bear `::highlight::` or an Obsidian `==highlight==`: markup, not a colon the thought stopped on. */
const HIGHLIGHT_END = /(?<=[^\s:=])(?:::|==)$/u;
/** `…` alone, perhaps in emphasis: a section the writer meant to come back to. */
const ELLIPSIS_ONLY = /^[*_\s]*(?:\.\.\.|…)[*_\s]*$/u;
const LAST_WORD = /(?<![\p{L}'])[\p{L}']+$/u;

/** Why a section's content is unfinished, or undefined when it reads as done. */
export function incompleteReason(content: string, words: number, minWords: number): string | undefined {
  if (PLACEHOLDER.test(content)) return 'still has a placeholder';
  if (ELLIPSIS_ONLY.test(content)) return 'is only an ellipsis';
  if (words < minWords) return `has only ${words} word${words === 1 ? '' : 's'}`;
  const lastLine = content.split(/\r\n|\r|\n/).pop()!.replace(CLOSERS, '').replace(HIGHLIGHT_END, '');
  if (lastLine.length === 0) return undefined;
  if (/(?:\.\.\.|…)$/u.test(lastLine)) return 'trails off with an ellipsis';
  if (/[,;:&/–—-]$/u.test(lastLine)) return 'stops mid-sentence';
  const lastWord = LAST_WORD.exec(lastLine)?.[0].toLowerCase();
  if (lastWord && DANGLING_WORDS.has(lastWord)) return `stops mid-sentence on "${lastWord}"`;
  return undefined;
}

/** No words, and not an ellipsis the writer left to come back to: empty-section's, not this rule's. */
export function isEmpty(section: Section, text: string): boolean {
  return section.words === 0 && !ELLIPSIS_ONLY.test(text.slice(...section.contentRange));
}

function rangeOf(section: Section, text: string): readonly [number, number] {
  const [start, end] = section.contentRange;
  const lastLineStart = trimStart(text, startOfLine(text, end), end);
  return lastLineStart <= start ? [section.markerRange[0], end] : [lastLineStart, end];
}

export const incompleteSection: StoryRule = {
  name: 'incomplete-section',
  codes: {
    'incomplete-section': {
      severity: 'warning',
      description: 'fewer than `starNotes.minWords` words, a placeholder (`TODO`, `TBD`, `???`), or trails off (`…`, a trailing comma, ends on "and", "we", "the")',
      explanation:
        'A section that is a word or two, still says `TODO`, or stops mid-sentence is a note to self, not an answer yet. Placeholders count only in capitals, so "a todo app" is fine. The finding sits on the last line of the section, where the thought stops.',
      bad: '**Situation:** A parent complained in front of others.\n\n**Task:** Calm it down and keep her trust.\n\n**Action:** I moved the conversation to a quiet room and we went through the behaviour log together...\n\n**Result:** TBD',
      good: '**Situation:** A parent complained in front of others.\n\n**Task:** Calm it down and keep her trust.\n\n**Action:** I moved the conversation to a quiet room and we went through the behaviour log together.\n\n**Result:** She withdrew the complaint the next day and we agreed two check-ins a term.',
    },
  },
  settings: ['minWords'],
  check(story: Story, { text, settings }: RuleContext) {
    return story.sections.flatMap((section) => {
      if (isEmpty(section, text)) return [];
      const content = stripComments(text.slice(...section.contentRange)).trim();
      const reason = incompleteReason(content, section.words, settings.minWords);
      if (!reason) return [];
      return [
        {
          code: 'incomplete-section',
          range: rangeOf(section, text),
          message: `${section.name} of ${storyLabel(story)} ${reason}: finish the thought.`,
          data: { kind: section.kinds[0] },
        },
      ];
    });
  },
};
