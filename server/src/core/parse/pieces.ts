import type { List, Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import { findCuts } from './cuts';
import { parseMarkdown } from './parse';
import { commonPrefix, commonSuffix } from '../text';

/** A piece of a document as remark parsed it alone; shared by every version that contains its text. */
export class Piece {
  /** Its children as last placed: positions count from `offset` and zero-based `line`. */
  #children: RootContent[];
  #offset = 0;
  #line = 0;

  constructor(
    /** The text it was parsed from, with what it was parsed with: its key in the cache. */
    readonly key: string,
    readonly text: string,
    /** Its parse ended inside a fenced code or HTML block, so it cannot end where it does. */
    readonly open: boolean,
    /** `[label]: x` lines for its definitions: references anywhere in the document may use them. */
    readonly definitions: readonly string[],
    children: RootContent[],
  ) {
    this.#children = children;
  }

  /** Its children with positions as if the piece started at `offset`, on zero-based `line`. */
  childrenAt(offset: number, line: number): RootContent[] {
    if (offset !== this.#offset || line !== this.#line) {
      // Trees are shared with earlier versions' roots, so moving one means copying it; the copy is kept for the next version.
      this.#children = shift(this.#children, offset - this.#offset, line - this.#line);
      this.#offset = offset;
      this.#line = line;
    }
    return this.#children;
  }

  /** Its children as if it were the whole document, without moving its kept copy. */
  get ownChildren(): RootContent[] {
    return this.#offset === 0 && this.#line === 0 ? this.#children : shift(this.#children, -this.#offset, -this.#line);
  }
}

/** A piece where it sits in one version of the text. */
export class PlacedPiece {
  #children?: RootContent[];

  constructor(
    readonly piece: Piece,
    readonly offset: number,
    readonly line: number,
  ) {}

  /** Built when first asked for: most versions need the nodes of only the pieces an edit touched. */
  get children(): RootContent[] {
    return (this.#children ??= this.piece.childrenAt(this.offset, this.line));
  }
}

export interface BlockParse {
  root: Root;
  pieces: PlacedPiece[];
}

/**
 * Parses markdown in pieces (see blocks.ts) and keeps each piece's tree, so the next version of
 * the text re-parses only the pieces an edit touched. The root it builds is the one
 * `parseMarkdown` builds for the whole text, positions included; the incremental tests hold it
 * to that.
 */
export class BlockParser {
  #pieces = new Map<string, Piece>();
  #definitions: readonly string[] = [];
  /** The last version's text and pieces: a piece outside the edit is found by its place, without reading its text. */
  #last?: { text: string; placed: readonly PlacedPiece[]; definitions: readonly string[] };

  parse(text: string): BlockParse {
    return finish(this.steps(text));
  }

  /**
   * The same parse, pausing after each piece it had to parse, so a caller can let other work
   * through. A caller that stops early loses nothing: the pieces parsed so far are kept.
   */
  *steps(text: string): Generator<void, BlockParse> {
    const cuts = findCuts(text);
    const used = new Map<string, Piece>();
    let definitions = this.#definitions;
    let pieces = yield* this.#split(text, cuts.offsets, cuts.lines, definitions, used);
    const found = collectDefinitions(pieces);
    if (found.join('\n') !== definitions.join('\n')) {
      definitions = found;
      used.clear();
      pieces = yield* this.#split(text, cuts.offsets, cuts.lines, definitions, used);
    }
    this.#pieces = used;
    this.#definitions = definitions;
    this.#last = { text, placed: pieces, definitions };
    const end: Point = { line: cuts.lastLine + 1, column: text.length - cuts.lastLineStart + 1, offset: text.length };
    return { root: lazyRoot(pieces, end), pieces };
  }

  *#split(text: string, offsets: number[], lines: number[], definitions: readonly string[], used: Map<string, Piece>): Generator<void, PlacedPiece[]> {
    const placed: PlacedPiece[] = [];
    const unchanged = this.#unchanged(text, definitions);
    let start = 0;
    let startLine = 0;
    let next = 0;
    while (start < text.length || placed.length === 0) {
      // A piece that ends open grows over twice as many cuts each try, so a long unclosed fence costs a few parses, not one per heading.
      let reach = 1;
      for (;;) {
        const cut = next + reach - 1;
        const end = cut < offsets.length ? offsets[cut] : text.length;
        const kept = unchanged(start, end);
        if (kept) {
          used.set(kept.key, kept);
          placed.push(new PlacedPiece(kept, start, startLine));
          next = cut + 1;
          start = end;
          startLine = cut < lines.length ? lines[cut] : 0;
          break;
        }
        const slice = text.slice(start, end);
        const last = end === text.length;
        const needsDefinitions = definitions.length > 0 && !(start === 0 && last) && slice.includes('[');
        const prefix = (last ? '\u0001' : '') + (needsDefinitions ? `${definitions.join('\n')}\0` : '');
        let piece = this.#pieces.get(prefix + slice);
        if (!piece) {
          piece = parsePiece(prefix, copyOf(slice), needsDefinitions ? definitions : [], last);
          this.#pieces.set(piece.key, piece);
          yield;
        }
        used.set(piece.key, piece);
        if (piece.open) {
          reach *= 2;
          continue;
        }
        placed.push(new PlacedPiece(piece, start, startLine));
        next = cut + 1;
        start = end;
        startLine = cut < lines.length ? lines[cut] : 0;
        break;
      }
    }
    return placed;
  }

  /**
   * The last version's piece for [start, end) when the edit is elsewhere: the same text before
   * the edit, or after it moved by what the edit added. Hashing every piece's text to look it up
   * would read the whole document on every keystroke.
   */
  #unchanged(text: string, definitions: readonly string[]): (start: number, end: number) => Piece | undefined {
    const last = this.#last;
    if (!last || last.definitions !== definitions) return () => undefined;
    const before = commonPrefix(last.text, text);
    const after = text.length - commonSuffix(last.text, text, before);
    const delta = text.length - last.text.length;
    return (start, end) => {
      const from = end <= before ? start : start >= after ? start - delta : -1;
      if (from < 0 || (from === 0) !== (start === 0)) return undefined;
      const old = placedAt(last.placed, from)?.piece;
      const wasLast = from + (old?.text.length ?? 0) === last.text.length;
      return old && !old.open && old.text.length === end - start && wasLast === (end === text.length) ? old : undefined;
    };
  }
}

/** The placed piece that starts at `offset`, by binary search: pieces are in document order. */
function placedAt(pieces: readonly PlacedPiece[], offset: number): PlacedPiece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = pieces[mid].offset;
    if (at === offset) return pieces[mid];
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Runs steps to the end without pausing. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function lazyRoot(pieces: readonly PlacedPiece[], end: Point): Root {
  let children: RootContent[] | undefined;
  return {
    type: 'root',
    get children() {
      return (children ??= joinPieces(pieces));
    },
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  };
}

/** The pieces' children in order, with a list cut in two (cuts.ts) made one again. */
function joinPieces(pieces: readonly PlacedPiece[]): RootContent[] {
  const children: RootContent[] = [];
  /** Lists copied to take the items of the pieces after them: the pieces' own trees are shared with other versions. */
  const joined = new Set<List>();
  let previous: PlacedPiece | undefined;
  for (const placed of pieces) {
    const own = placed.children;
    let from = 0;
    const last = children[children.length - 1];
    if (previous && last?.type === 'list' && own[0]?.type === 'list' && continuesList(previous, last, placed, own[0])) {
      let list = last;
      if (!joined.has(list)) {
        list = { ...last, children: [...last.children], position: last.position && { start: last.position.start, end: last.position.end } };
        joined.add(list);
        children[children.length - 1] = list;
      }
      for (const item of own[0].children) list.children.push(item);
      list.spread = list.spread || own[0].spread;
      if (list.position && own[0].position) list.position.end = own[0].position.end;
      from = 1;
    }
    for (let i = from; i < own.length; i++) children.push(own[i]);
    previous = placed;
  }
  return children;
}

/**
 * Whether `next`, first in its piece, is the rest of `list`, last in the piece before: both bullet
 * lists with the same bullet, and nothing but a line ending between them. In the whole text a
 * bullet item right after a line of a list, at column 0, is that list's next item.
 */
function continuesList(before: PlacedPiece, list: List, placed: PlacedPiece, next: List): boolean {
  const lastItem = list.children[list.children.length - 1];
  const listEnd = list.position?.end.offset;
  const itemStart = lastItem?.position?.start.offset;
  if (list.ordered || next.ordered || listEnd === undefined || itemStart === undefined || next.position?.start.offset !== placed.offset) return false;
  const tail = before.piece.text.slice(listEnd - before.offset);
  return (tail === '\n' || tail === '\r\n' || tail === '\r') && before.piece.text[itemStart - before.offset] === placed.piece.text[0];
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Remark keeps slices of the text it parsed in the tree; a piece that survives many edits must
 * not keep every version of the whole document alive through them.
 */
function copyOf(text: string): string {
  if (text.length < 16) return text;
  // UTF-8 gives one byte a character for the Latin text notes mostly are; lone surrogates need UTF-16.
  return LONE_SURROGATE.test(text) ? Buffer.from(text, 'utf16le').toString('utf16le') : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * A piece that a heading follows in the document is parsed with a heading after it too: the
 * constructs open at its end close exactly as they do in the whole text, and if that heading is
 * swallowed (by a fence or an HTML block still open) the piece cannot end there. Definitions
 * from elsewhere go after that heading, or before the last piece, which starts with a heading;
 * never first, where front matter must stay.
 */
function parsePiece(keyPrefix: string, text: string, definitions: readonly string[], last: boolean): Piece {
  // Blank lines between definitions: a definition cannot interrupt a paragraph, such as a footnote's.
  const defined = definitions.join('\n\n');
  let children: RootContent[];
  let open = false;
  if (!last) {
    const root = parseMarkdown(`${text}#\n${defined}`);
    const own = root.children.length - definitions.length - 1;
    const heading = root.children[own];
    open = !(heading?.type === 'heading' && heading.position?.start.offset === text.length);
    children = open ? [] : root.children.slice(0, own);
  } else if (definitions.length > 0) {
    const prefix = `${defined}\n\n`;
    children = shift(parseMarkdown(prefix + text).children.slice(definitions.length), -prefix.length, -2 * definitions.length);
  } else {
    children = parseMarkdown(text).children;
  }
  return new Piece(keyPrefix + text, text, open, definitionsIn(text, children), children);
}

/** Each definition as a line that defines the same identifier, which is all a reference looks up. */
function definitionsIn(text: string, children: RootContent[]): string[] {
  if (!text.includes(']:')) return [];
  const found: string[] = [];
  visit({ type: 'root', children } as Root, (node) => {
    if (node.type === 'definition') found.push(`[${node.identifier}]: x`);
    else if (node.type === 'footnoteDefinition') found.push(`[^${node.identifier}]: x`);
  });
  return found;
}

function collectDefinitions(pieces: readonly PlacedPiece[]): string[] {
  const all = new Set<string>();
  for (const { piece } of pieces) for (const line of piece.definitions) all.add(line);
  return [...all].sort();
}

/** Copies of `nodes` with every position moved. */
function shift(nodes: readonly RootContent[], offset: number, line: number): RootContent[] {
  const point = (p: Point): Point => ({ line: p.line + line, column: p.column, offset: p.offset === undefined ? undefined : p.offset + offset });
  const position = (p: Position): Position => ({ start: point(p.start), end: point(p.end) });
  const copy = (node: Nodes): Nodes => {
    const moved = { ...node } as Nodes & { children?: Nodes[] };
    if (node.position) moved.position = position(node.position);
    if ('children' in node) moved.children = (node.children as Nodes[]).map(copy);
    return moved;
  };
  return nodes.map((node) => copy(node) as RootContent);
}
