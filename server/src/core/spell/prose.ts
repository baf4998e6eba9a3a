import type { Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * One block of prose (a paragraph, heading or table cell) as the source text of the block
 * with everything that is not prose blanked out, so offsets inside `text` plus `start`
 * are document offsets. Equal `text` means equal spelling results: the cache key.
 */
export interface ProseBlock {
  start: number;
  text: string;
  /** Headings are often in Title Case: a capital there says nothing of a name. */
  heading?: true;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes whose text is not prose: code, raw HTML, pictures, footnote labels. */
const NOT_PROSE = new Set(['inlineCode', 'html', 'image', 'imageReference', 'footnoteReference', 'break']);
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;

/**
 * The prose of a document: text in paragraphs, headings, list items, table cells, emphasis
 * and link text. Code, HTML and comments, front matter, link definitions and links whose
 * text is their own address never reach the spell checker.
 */
export function proseBlocks(text: string, root: Root): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  visit(root, (node) => {
    if (!BLOCKS.has(node.type)) return undefined;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return 'skip';
    const chars = new Array<string>(end - start).fill(' ');
    let any = false;
    collectText(node as Nodes, (from, to) => {
      for (let i = from; i < to; i++) chars[i - start] = text[i];
      any = true;
    });
    const prose = chars.join('').replace(ENTITY, (entity) => ' '.repeat(entity.length));
    if (any) blocks.push(node.type === 'heading' ? { start, text: prose, heading: true } : { start, text: prose });
    return 'skip';
  });
  return blocks;
}

function collectText(node: Nodes, add: (start: number, end: number) => void): void {
  if (NOT_PROSE.has(node.type)) return;
  if (node.type === 'link' && isAutolink(node)) return;
  if (node.type === 'text') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) add(start, end);
    return;
  }
  if ('children' in node) for (const child of node.children) collectText(child as Nodes, add);
}

/** `<https://…>`, a bare `www.…` or `name@example.com`: the text is the address, not prose. */
function isAutolink(link: Link): boolean {
  const strip = (value: string) => value.replace(/^(?:[a-z][\w+.-]*:\/\/|mailto:)/i, '').replace(/\/$/, '').toLowerCase();
  const label = toString(link).trim();
  return label.length > 0 && strip(label) === strip(link.url);
}
