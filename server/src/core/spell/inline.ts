import { directiveComments } from '../directives';
import { endOfLine, startOfLine, type OffsetRange } from '../text';

/**
 * Code Spell Checker's in-document settings, so one comment serves both tools:
 * `cspell:ignore w…`, `cspell:words w…`, `cspell:disable` … `cspell:enable`,
 * `cspell:disable-line`, `cspell:disable-next-line` (also spelled `spell-checker:`).
 */
export interface InlineSpelling {
  /** Lower-cased words the document accepts. */
  readonly words: ReadonlySet<string>;
  isDisabled(offset: number): boolean;
}

export function inlineSpelling(text: string): InlineSpelling {
  // Every directive names cspell or spell-checker: a document that never says "spell" has none, and a native search tells.
  if (!/spell/i.test(text)) return NONE;
  const words = new Set<string>();
  const disabled: OffsetRange[] = [];
  let disabledFrom: number | undefined;
  for (const { tool, kind, args, start: at } of directiveComments(text)) {
    if (tool !== 'cspell') continue;
    if (kind === 'ignore' || kind === 'words' || kind === 'word') {
      const list = args.split(/-->|\*\//)[0];
      for (const word of list.split(/[\s,]+/)) if (word) words.add(word.toLowerCase());
    } else if (kind === 'disable') {
      disabledFrom ??= at;
    } else if (kind === 'enable') {
      if (disabledFrom !== undefined) disabled.push([disabledFrom, at]);
      disabledFrom = undefined;
    } else if (kind === 'disable-line') {
      disabled.push([startOfLine(text, at), endOfLine(text, at)]);
    } else {
      const next = nextLineStart(text, at);
      disabled.push([next, endOfLine(text, next)]);
    }
  }
  if (disabledFrom !== undefined) disabled.push([disabledFrom, text.length]);
  return {
    words,
    isDisabled: (offset) => disabled.some(([start, end]) => start <= offset && offset <= end),
  };
}

const NONE: InlineSpelling = { words: new Set(), isDisabled: () => false };

function nextLineStart(text: string, offset: number): number {
  const end = endOfLine(text, offset);
  return text.startsWith('\r\n', end) ? end + 2 : Math.min(text.length, end + 1);
}
