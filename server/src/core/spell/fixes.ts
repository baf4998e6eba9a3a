import type { Root } from 'mdast';
import type { OffsetEdit } from '../features/fixes';
import { lineBreakOf } from '../text';

/**
 * The comment runs to the first `-->` on its line. Bounded and without `>`, like the directives'
 * own pattern: a lazy list before `[ \t]*-->` would try every way to share a run of spaces.
 */
const IGNORE_COMMENT = /<!--[ \t]*cspell:ignore\b[^\r\n>]{0,1000}-->/i;

/**
 * Adds `word` to the document's `<!-- cspell:ignore … -->` comment, or writes one at the
 * top (below front matter), where Code Spell Checker reads it too.
 */
export function ignoreInFileEdit(text: string, root: Root, word: string): OffsetEdit {
  const existing = IGNORE_COMMENT.exec(text);
  if (existing) {
    const at = existing.index + existing[0].lastIndexOf('-->');
    const before = text.slice(existing.index, at);
    const end = before.trimEnd().length + existing.index;
    return { range: [end, at], text: ` ${word} ` };
  }
  const eol = lineBreakOf(text);
  const first = root.children[0];
  const frontMatter = first && (first.type === 'yaml' || (first.type as string) === 'toml') ? (first.position?.end.offset ?? 0) : undefined;
  if (frontMatter !== undefined) return { range: [frontMatter, frontMatter], text: `${eol}<!-- cspell:ignore ${word} -->` };
  return { range: [0, 0], text: `<!-- cspell:ignore ${word} -->${eol}` };
}

export function replaceEdit(range: readonly [number, number], word: string): OffsetEdit {
  return { range: [range[0], range[1]], text: word };
}
