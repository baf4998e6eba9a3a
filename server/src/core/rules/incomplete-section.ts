import { storyLabel } from '../model/frameworks';
import { startOfLine, stripComments, trimStart, type OffsetRange } from '../text';
import type { Section, Story } from '../model/types';
import type { Settings } from '../settings';
import type { RuleContext, StoryRule } from './rule';
import { isTemplateOnly, readTemplate, sectionReading, type TemplateReading } from './template';

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

/** Why a section is unfinished; `template` when nothing in it is the writer's yet. */
interface Unfinished {
  reason: string;
  template: boolean;
}

/** Why a section's content is unfinished, or undefined when it reads as done. */
export function incompleteReason(content: string, words: number, minWords: number): string | undefined {
  return unfinished(content, readTemplate(content, [0, content.length]), words, minWords)?.reason;
}

/**
 * A template left as it was says so: the prompt, the bracketed instructions or the lorem ipsum
 * it holds. Words of a leftover prompt next to the writer's own are not the writer's, so they do
 * not count towards `minWords`.
 */
function unfinished(content: string, reading: TemplateReading, words: number, minWords: number): Unfinished | undefined {
  if (isTemplateOnly(reading)) {
    const kinds = new Set(reading.pieces.map((piece) => piece.kind));
    if (kinds.has('prompt')) return { reason: "still holds the template's prompt", template: true };
    if (kinds.has('instruction')) return { reason: "still holds the template's instructions in brackets", template: true };
    if (kinds.has('lorem')) return { reason: 'is only lorem ipsum', template: true };
    return { reason: ELLIPSIS_ONLY.test(content) ? 'is only an ellipsis' : 'still has a placeholder', template: false };
  }
  const reason = unfinishedText(content, reading.pieces.length > 0 ? reading.ownWords : words, minWords, reading.pieces.length > 0);
  return reason ? { reason, template: false } : undefined;
}

function unfinishedText(content: string, words: number, minWords: number, besidesTemplate: boolean): string | undefined {
  if (PLACEHOLDER.test(content)) return 'still has a placeholder';
  if (ELLIPSIS_ONLY.test(content)) return 'is only an ellipsis';
  if (words < minWords) return `has only ${words} word${words === 1 ? '' : 's'}${besidesTemplate ? " besides the template's" : ''}`;
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

/**
 * How far a section is written: `empty`, `template` (only a prompt, bracketed instructions, lorem
 * ipsum or placeholders: nothing of the writer's), `incomplete` (what this rule reports) or `done`.
 * model/progress.ts builds every slot's state from it.
 */
export type SectionState = 'empty' | 'template' | 'incomplete' | 'done';

export function sectionState(section: Section, text: string, settings: Pick<Settings, 'minWords'>): SectionState {
  if (isEmpty(section, text)) return 'empty';
  const reading = sectionReading(section, text);
  if (isTemplateOnly(reading)) return 'template';
  return unfinished(contentOf(section, text), reading, section.words, settings.minWords) ? 'incomplete' : 'done';
}

function contentOf(section: Section, text: string): string {
  return stripComments(text.slice(...section.contentRange)).trim();
}

function rangeOf(section: Section, text: string): OffsetRange {
  const [start, end] = section.contentRange;
  const lastLineStart = trimStart(text, startOfLine(text, end), end);
  return lastLineStart <= start ? [section.markerRange[0], end] : [lastLineStart, end];
}

export const incompleteSection: StoryRule = {
  name: 'incomplete-section',
  codes: {
    'incomplete-section': {
      severity: 'warning',
      description:
        'fewer than `starNotes.minWords` words, a placeholder (`TODO`, `TBD`, `???`, `XXX`), trails off (`…`, a trailing comma, ends on "and", "we", "the"), or still only the template: a snippet\'s prompt, `[Describe the situation]`, `<what you did>`, lorem ipsum',
      explanation:
        'A section that is a word or two, still says `TODO`, or stops mid-sentence is a note to self, not an answer yet. Placeholders count only in capitals, so "a todo app" is fine. The finding sits on the last line of the section, where the thought stops.\n\nSo is a section that still holds only what a template put there: the prompt a snippet, a quick fix or a completion wrote ("What did *you* do? Name the steps and decisions."), instructions in brackets (`[Describe the situation]`, `<what you did>`), lorem ipsum, or a career guide\'s phrasing ("Describe the situation you were in", "Explain the task you had to complete"). Only a section with nothing else counts: `Explain the new rota to 40 staff by Friday.` is a Task, and brackets or a question inside the writer\'s own sentence are theirs. A section with the writer\'s own words next to a leftover prompt gets the hint `leftover-prompt` instead. The story\'s outline entry and code lens count a template-only section as missing.',
      bad: '**Situation:** A parent complained in front of others.\n\n**Task:** Calm it down and keep her trust.\n\n**Action:** I moved the conversation to a quiet room and we went through the behaviour log together...\n\n**Result:** TBD',
      good: '**Situation:** A parent complained in front of others.\n\n**Task:** Calm it down and keep her trust.\n\n**Action:** I moved the conversation to a quiet room and we went through the behaviour log together.\n\n**Result:** She withdrew the complaint the next day and we agreed two check-ins a term.',
    },
  },
  settings: ['minWords'],
  check(story: Story, { text, settings }: RuleContext) {
    return story.sections.flatMap((section) => {
      if (isEmpty(section, text)) return [];
      const found = unfinished(contentOf(section, text), sectionReading(section, text), section.words, settings.minWords);
      if (!found) return [];
      return [
        {
          code: 'incomplete-section',
          // A template is marked where it is, so the writer sees what to replace; an unfinished thought where it stops.
          range: found.template ? section.contentRange : rangeOf(section, text),
          message: `${section.name} of ${storyLabel(story)} ${found.reason}: ${found.template ? 'write what happened in its place' : 'finish the thought'}.`,
          data: { kind: section.kinds[0] },
        },
      ];
    });
  },
};
