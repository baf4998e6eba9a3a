import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import type { Analysis } from '../analyze';
import { QUESTIONS_LINE } from '../model/events';
import type { Story } from '../model/types';
import type { ThemeDeclarations } from './themes';


/**
 * `#leadership`, `#customer-focus`, `#interview/conflict`: not `C#`, `page#part`, `&#123;`, a
 * heading's `## `, nor `#123`, which is an issue or a number.
 */
const HASHTAG = /(?<![\p{L}\p{N}_&#/\\])#(\p{L}[\p{L}\p{N}_-]*(?:\/[\p{L}\p{N}_-]+)*)/gu;

/** Only blocks that may hold either are walked: most of a notes file holds neither. */
const MAY_DECLARE = /(?<![\p{L}\p{N}_&#/\\])#\p{L}|(?:questions|themes)(?:\*\*|__)?[ \t]*[:：]/iu;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

interface Found {
  offset: number;
  questions: string[];
  tags: string[];
}

/**
 * What each story of a document declares about the questions it answers: the `Questions:` lines
 * and hashtags inside it, and the front matter's `questions:` and `tags:`, which speak for every
 * story in the file. Code, HTML and link targets are never read.
 */
export function themeDeclarations(analysis: Analysis): Map<Story, ThemeDeclarations> {
  const { text, stories } = analysis.doc;
  const file = frontMatter(text);
  const found: Found[] = [];
  for (const block of analysis.blocks) {
    if (MAY_DECLARE.test(block.text)) found.push(...inTree(text, { type: 'root', children: block.children as RootContent[] }));
  }
  const declarations = new Map<Story, ThemeDeclarations>();
  for (const story of stories) {
    const [start, end] = story.range;
    const inside = found.filter(({ offset }) => offset >= start && offset < end);
    declarations.set(story, {
      questions: [...file.questions, ...inside.flatMap((one) => one.questions)],
      tags: [...file.tags, ...inside.flatMap((one) => one.tags)],
    });
  }
  return declarations;
}

function inTree(text: string, root: Root): Found[] {
  const found: Found[] = [];
  visit(root, (node, index, parent) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return 'skip';
    if (node.type === 'paragraph') {
      const questions = questionsLines(text, node, parent?.children[(index ?? 0) + 1]);
      if (questions) found.push({ offset: node.position?.start.offset ?? 0, questions, tags: [] });
    } else if (node.type === 'text') {
      const raw = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      // As written, not as decoded: `&#35;failure` is the writer keeping a # from being a tag.
      const tags = [...node.value.matchAll(HASHTAG)].filter((match) => raw.includes(`#${match[1]}`)).flatMap((match) => tagNames(match[1]));
      if (tags.length > 0) found.push({ offset: node.position?.start.offset ?? 0, questions: [], tags });
    }
    return undefined;
  });
  return found;
}

/**
 * The names on the `Questions:` lines of a paragraph: at its start or at the start of a later
 * line (`- Result: …` / `Questions: …` with no blank line between is one paragraph). A
 * `Questions:` line that ends the paragraph with nothing after its colon takes the list under it.
 */
function questionsLines(text: string, paragraph: Paragraph, next: RootContent | undefined): string[] | undefined {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  let names: string[] | undefined;
  for (let lineStart = start; lineStart < end; ) {
    const match = QUESTIONS_LINE.exec(text.slice(lineStart, Math.min(end, lineStart + 500)));
    const lineEnd = text.slice(lineStart, end).search(/\r\n|\r|\n/);
    if (match) {
      const rest = match[1].replace(/(?:\*\*|__)[ \t]*$/, '').trim();
      const listed = rest ? splitNames(rest) : lineEnd < 0 && next?.type === 'list' ? next.children.flatMap((item) => splitNames(toString(item.children[0] ?? item))) : [];
      names = [...(names ?? []), ...listed];
    }
    if (lineEnd < 0) break;
    lineStart += lineEnd + 1;
    while (lineStart < end && /[\r\n \t>]/.test(text[lineStart])) lineStart++;
  }
  return names;
}

/** `conflict, failure; #leadership #ownership`: names parted by commas, semicolons or middle dots, and hashtags each a name. */
function splitNames(list: string): string[] {
  return list.split(/[,;·|]/).flatMap((part) => {
    const tags = [...part.matchAll(HASHTAG)].map((match) => match[1].replace(/(?<![-_])[-_]+$/, ''));
    if (tags.length > 0) return tags;
    const name = part.replace(/^[\s*_"'`]+|(?<![\s*_"'`.])[\s*_"'`.]+$/g, '');
    return name ? [name] : [];
  });
}

/** `interview/conflict` names `interview/conflict`, `interview` and `conflict`: a nested tag may name the theme in any part. */
function tagNames(tag: string): string[] {
  const trimmed = tag.replace(/(?<![-_])[-_]+$/, '');
  const parts = trimmed.split('/').filter(Boolean);
  return parts.length > 1 ? [trimmed, ...parts] : [trimmed];
}

/** `questions:` (a list, or names parted by commas) and `tags:` (Obsidian's, a list or a string) in YAML front matter. */
function frontMatter(text: string): { questions: string[]; tags: string[] } {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const none = { questions: [], tags: [] };
  if (!text.startsWith('---', from)) return none;
  const block = FRONT_MATTER.exec(text.slice(from, from + 65_536));
  if (!block || !/^(?:questions|themes|tags)[ \t]*:/im.test(block[1])) return none;
  let data: unknown;
  try {
    data = parseYaml(block[1]);
  } catch {
    // Front matter that is no YAML says nothing about questions; the rest of the note still counts.
    return none;
  }
  if (typeof data !== 'object' || data === null) return none;
  const field = (key: string, split: RegExp): string[] => {
    const value = (data as Record<string, unknown>)[key];
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(split) : [];
    return items.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^#/, '').trim()).filter(Boolean);
  };
  return {
    questions: [...field('questions', /[,;]/), ...field('themes', /[,;]/)],
    tags: field('tags', /[,\s]+/).flatMap(tagNames),
  };
}
