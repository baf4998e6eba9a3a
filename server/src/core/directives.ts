import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { LineIndex } from './text';
import type { Finding } from './findings';

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Directive {
  kind: Kind;
  /** Empty means every code. */
  codes: readonly string[];
  line: number;
}

/**
 * The codes run to `-->`, spaces included (the split drops them): a lazy list followed by `\s*`
 * would try every way to share a run of spaces, square time on a long one. Bounded, so a comment
 * that never closes is not rescanned to the end from every opening.
 */
const COMMENT = /<!--\s*star-notes-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]{0,1000})-->/g;

/**
 * markdownlint-style inline comments: `<!-- star-notes-disable-next-line missing-result -->`,
 * `<!-- star-notes-disable code … -->` … `<!-- star-notes-enable -->`, `-disable-line`, `-disable-file`.
 */
export class Directives {
  readonly #directives: Directive[] = [];
  readonly #lines: LineIndex;

  constructor(text: string, root: Root, lines = new LineIndex(text)) {
    this.#lines = lines;
    visit(root, 'html', (node) => {
      const start = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(COMMENT)) {
        const kind = match[1] as Kind;
        const codes = match[2].split(/[\s,]+/).filter(Boolean);
        const commentStart = start + (match.index ?? 0);
        const commentEnd = commentStart + match[0].length;
        const line = kind === 'disable-next-line' ? nextNonBlankLine(text, lines, lines.lineAt(commentEnd) + 1) : lines.lineAt(commentStart);
        this.#directives.push({ kind, codes, line });
      }
    });
  }

  get isEmpty(): boolean {
    return this.#directives.length === 0;
  }

  isDisabled(code: string, line: number): boolean {
    let disabled = false;
    for (const directive of this.#directives) {
      const applies = directive.codes.length === 0 || directive.codes.includes(code);
      if (!applies) continue;
      switch (directive.kind) {
        case 'disable-file':
          return true;
        case 'disable-line':
        case 'disable-next-line':
          if (directive.line === line) return true;
          break;
        case 'disable':
          if (directive.line <= line) disabled = true;
          break;
        case 'enable':
          if (directive.line <= line) disabled = false;
          break;
      }
    }
    return disabled;
  }

  filter<T extends Pick<Finding, 'code' | 'range'>>(findings: readonly T[]): T[] {
    if (this.isEmpty) return [...findings];
    return findings.filter((finding) => !this.isDisabled(finding.code, this.#lines.lineAt(finding.range[0])));
  }
}

function nextNonBlankLine(text: string, lines: LineIndex, line: number): number {
  while (line < lines.lineCount - 1) {
    const start = lines.lineStart(line);
    const end = lines.lineStart(line + 1);
    if (text.slice(start, end).trim().length > 0) break;
    line++;
  }
  return line;
}
