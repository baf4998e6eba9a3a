import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Markdown to mdast with positions; offsets are UTF-16 indices into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
