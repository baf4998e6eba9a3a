import { promptText } from '../features/prompts';
import { storyLabel } from '../model/frameworks';
import { STAR_PROMPTS } from '../model/sections';
import type { Section } from '../model/types';
import { endOfLine, startOfLine, type OffsetRange } from '../text';
import type { OffsetEdit } from '../features/fixes';
import { isEmpty } from './incomplete-section';
import type { StoryRule } from './rule';
import { isTemplateOnly, sectionReading, type TemplatePiece } from './template';

/**
 * The prompts and bracketed instructions a section still holds next to the writer's own
 * sentences. A section with nothing else is incomplete-section's, not this rule's. A question
 * counts only before the writer's first sentence, where a template puts it: after the answer,
 * "What would you do differently?" is a follow-up the writer is preparing for.
 */
function leftovers(section: Section, text: string): TemplatePiece[] {
  if (isEmpty(section, text)) return [];
  const reading = sectionReading(section, text);
  if (isTemplateOnly(reading)) return [];
  return reading.pieces.filter((piece) => (piece.kind === 'prompt' || piece.kind === 'instruction') && (piece.leading || !piece.question));
}

const SPACES = /[ \t]/;
/** Markup a line's text starts after: quotes, a bullet and its task box. */
const LINE_MARKUP = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?$/;
/** A line that starts a block of its own: a label's text cannot move up onto it. */
const BLOCK_START = /^(?:[-*+>#|]|\d{1,9}[.)])/;

/**
 * Deletes a leftover prompt so that what stays reads as if it had never been there: a prompt on a
 * line of its own goes with its line (its bullet too, and the blank line after it when one came
 * before it), one beside the writer's sentence goes with the space between them, and one right
 * after a label (`**Action:** What did you do? I rang…`) lets the writer's text move up to the label.
 * Undefined where the prompt shares its line with markup it would leave broken (emphasis around
 * more than the prompt).
 */
function deletion(text: string, section: Section, [start, end]: OffsetRange): OffsetEdit | undefined {
  const piece = text.slice(start, end);
  if (unbalanced(piece)) return undefined;
  const lineStart = startOfLine(text, start);
  const lineEnd = endOfLine(text, end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  const ownLine = section.markerRange[1] <= lineStart && LINE_MARKUP.test(before) && !/\S/.test(after);
  if (ownLine) {
    let to = nextLine(text, lineEnd);
    if (isBlank(text, previousLine(text, lineStart))) {
      while (to < section.contentRange[1] && isBlank(text, [to, endOfLine(text, to)])) to = nextLine(text, endOfLine(text, to));
    }
    // The section's last line: keep the line break that ends the section, delete the one before instead.
    if (to > section.contentRange[1]) return { range: [trimBack(text, lineStart, section.contentRange[0]), end], text: '' };
    return { range: [lineStart, to], text: '' };
  }
  let to = end;
  while (to < lineEnd && SPACES.test(text[to])) to++;
  if (to < lineEnd) return { range: [start, to], text: '' };
  // Last on its line, after the writer's text: the space before it goes.
  let from = start;
  while (from > lineStart && SPACES.test(text[from - 1])) from--;
  if (from > section.contentRange[0]) return { range: [from, end], text: '' };
  // Right after the label, the writer's text on the lines below moves up to the label, unless it is a list or a quote.
  let next = lineEnd;
  while (next < section.contentRange[1] && /\s/.test(text[next])) next++;
  if (BLOCK_START.test(text.slice(next, next + 11))) return { range: [from, end], text: '' };
  return { range: [start, next], text: '' };
}

/** The offset after the line break at `lineEnd`. */
function nextLine(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

/** The line before the one that starts at `lineStart`, without its line break. */
function previousLine(text: string, lineStart: number): OffsetRange {
  const end = text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : lineStart - 1;
  return end < 0 ? [0, 0] : [startOfLine(text, end), end];
}

/** Nothing but spaces and quote marks. */
function isBlank(text: string, [start, end]: OffsetRange): boolean {
  return /^[ \t>]*$/.test(text.slice(start, end));
}

/** Back over the line breaks and spaces before `offset`, not past `floor`. */
function trimBack(text: string, offset: number, floor: number): number {
  let at = offset;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}

/** Emphasis or code marks that open in the prompt and close outside it, or the other way round. */
function unbalanced(piece: string): boolean {
  return ['**', '__', '`'].some((mark) => piece.split(mark).length % 2 === 0) || (piece.replace(/\*\*|__/g, '').match(/[*_]/g)?.length ?? 0) % 2 === 1;
}

export const leftoverPrompt: StoryRule = {
  name: 'leftover-prompt',
  codes: {
    'leftover-prompt': {
      severity: 'hint',
      description: "a section with the writer's own text still holds a template's prompt or a bracketed instruction",
      explanation:
        `A prompt from a snippet or a career guide's template ("${promptText(STAR_PROMPTS.action)}", \`[Describe the situation]\`) left next to the answer it asked for.` +
        " The hint sits on the prompt only. A prompt or bracket inside the writer's own sentence is theirs, and a section that holds nothing but the template is `incomplete-section`.",
      bad: `**Situation:** ${promptText(STAR_PROMPTS.situation)} ` + 'A night shift on a 28-bed surgical ward with two nurses off sick.\n\n**Task:** As nurse in charge I had to keep the ward safe until the morning.\n\n**Action:** I called the site manager for a bank nurse and moved two patients closer to the station.\n\n**Result:** No incidents overnight, and the matron adopted the plan for short shifts.',
      good: '**Situation:** A night shift on a 28-bed surgical ward with two nurses off sick.\n\n**Task:** As nurse in charge I had to keep the ward safe until the morning.\n\n**Action:** I called the site manager for a bank nurse and moved two patients closer to the station.\n\n**Result:** No incidents overnight, and the matron adopted the plan for short shifts.',
      quickFix: 'deletes the prompt, and the line or space it leaves (not offered inside a table, or where emphasis runs past the prompt)',
    },
  },
  settings: [],
  check(story, { text }) {
    return story.sections.flatMap((section) =>
      leftovers(section, text).map((piece) => ({
        code: 'leftover-prompt',
        range: piece.range,
        message: `${section.name} of ${storyLabel(story)} still has the template's ${piece.kind === 'instruction' ? 'instruction' : 'prompt'} next to your own words: delete it once the section answers it.`,
        data: { kind: section.kinds[0] },
      })),
    );
  },
  fixes({ doc, story, at }) {
    for (const section of story.sections) {
      if (section.style.type === 'cell') continue;
      const piece = leftovers(section, doc.text).find((candidate) => candidate.range[0] === at);
      if (!piece) continue;
      const edit = deletion(doc.text, section, piece.range);
      return edit ? [{ title: `Delete the leftover prompt in the ${section.name}`, edits: [edit], isPreferred: true }] : [];
    }
    return [];
  },
};
