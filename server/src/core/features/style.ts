import type { Section, SectionStyle, WrittenStyle } from '../model/types';

const LIST_PREFIX = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const LINE_PREFIX = /^[ \t>]*/;

/** A story with no sections yet is written as bullets: the most common style in notes. */
export const DEFAULT_STYLE: WrittenStyle = { type: 'label', template: '- {label}: ' };

export function isListStyle(style: SectionStyle): boolean {
  return style.type === 'label' && LIST_PREFIX.test(style.template);
}

/** A section's name, cased like the writer's own label ("RESULT", "result", "Result"); letters for a writer of letters. */
export function labelLike(name: string, reference?: Section): string {
  if (reference?.letters) return name.charAt(0).toUpperCase();
  const label = reference?.label ?? '';
  if (label.length > 1 && label === label.toUpperCase()) return name.toUpperCase();
  if (label.length > 0 && label === label.toLowerCase()) return name.toLowerCase();
  return name;
}

/** The whole marker, from the start of its line: `#### Action`, `- **Action:** `. */
export function markerText(style: WrittenStyle, label: string): string {
  return style.type === 'heading' ? `${'#'.repeat(style.depth)} ${label}` : style.template.replace('{label}', label);
}

/** The marker of the item `by` after one written `3. Action - `: `4. Result - `, so a numbered story stays numbered in order. */
export function nextInList(marker: string, by = 1): string {
  return marker.replace(/^([ \t>]*)(\d{1,9})([.)])/, (_, lead: string, number: string, close: string) => `${lead}${Number(number) + by}${close}`);
}

/** Two line breaks with only spaces between; a CRLF is one break, never a CR and then an LF. */
export const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)/;

/**
 * What goes before a section written after `section`, whose text ends at `end`: `gap`, unless a
 * list item's section ran on past its list into a paragraph, where an item on the next line would
 * be part of that paragraph (`3. Result` can't start a list there): then a blank line.
 */
export function gapAfter(text: string, section: Section, end: number, gap: string, eol: string): string {
  return gap === eol && BLANK_LINE.test(text.slice(section.blockStart, end)) ? eol + eol : gap;
}

/** The marker without indentation, quote or bullet: what follows a bullet the writer already typed. */
export function markerAfterBullet(style: WrittenStyle, label: string): string {
  return style.type === 'heading' ? `${label}: ` : markerText(style, label).replace(LIST_PREFIX, '').replace(LINE_PREFIX, '');
}

/** The marker without the indentation or quote the line already has. */
export function markerAfterIndent(style: WrittenStyle, label: string): string {
  return markerText(style, label).replace(LINE_PREFIX, '');
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
