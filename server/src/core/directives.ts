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
 * Both tools' comments in one pass: `<!-- star-notes-… codes -->` and Code Spell Checker's
 * `cspell:…` (also `spell-checker:`), which may sit in any comment. The star-notes codes run to
 * `-->`, spaces included (the split drops them): a lazy list followed by `\s*` would try every way
 * to share a run of spaces, square time on a long one. Bounded, so a comment that never closes is
 * not rescanned to the end from every opening.
 */
const DIRECTIVE =
  /<!--\s*star-notes-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]{0,1000})-->|(?:cspell|spell-?checker)::?[ \t]*(ignore|words|word|disable-next-line|disable-line|disable-next|disable|enable)\b([^\r\n]*)/gi;

export interface DirectiveComment {
  tool: 'star-notes' | 'cspell';
  /** Lower-cased: `disable-next-line`, `ignore`, … */
  kind: string;
  /** What follows the kind: codes, or words. */
  args: string;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
}

/** The directives in `text`, in order. */
export function* directiveComments(text: string): Generator<DirectiveComment> {
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[1] !== undefined) yield { tool: 'star-notes', kind: match[1].toLowerCase(), args: match[2], start, end };
    else yield { tool: 'cspell', kind: match[3].toLowerCase(), args: match[4], start, end };
  }
}

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
      for (const comment of directiveComments(node.value)) {
        if (comment.tool !== 'star-notes') continue;
        const kind = comment.kind as Kind;
        const codes = comment.args.split(/[\s,]+/).filter(Boolean);
        const commentStart = start + comment.start;
        const commentEnd = start + comment.end;
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
