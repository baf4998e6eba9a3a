import type { Root } from 'mdast';
import type { Point } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Markdown to mdast with positions; offsets are UTF-16 indices into `text`. */
export function parseMarkdown(text: string): Root {
  const root = processor.parse(text);
  // micromark skips a leading byte-order mark and counts from the character after it.
  if (text.charCodeAt(0) === 0xfeff) {
    visit(root, (node) => {
      if (!node.position) return;
      // The document itself still starts at the mark.
      node.position = { start: node === root ? node.position.start : pastMark(node.position.start), end: pastMark(node.position.end) };
    });
  }
  return root;
}

function pastMark(point: Point): Point {
  return { line: point.line, column: point.line === 1 ? point.column + 1 : point.column, offset: point.offset === undefined ? undefined : point.offset + 1 };
}
