import type { Root } from 'mdast';
import type { Analysis } from '../analyze';
import { shiftRange } from '../text';
import { proseBlocks, type ProseBlock } from './prose';
import { repeatedWords, type RepeatedWord } from './repeated';

/** The prose of one stretch of a document, with offsets from `start`. */
export interface ProsePart {
  start: number;
  blocks: readonly ProseBlock[];
  repeated: readonly RepeatedWord[];
}

/**
 * What spelling needs of a document's text before the dictionaries: its prose, and its repeated
 * words, in parts. Offsets stay relative to each part, so an edit moves no block of the parts after it.
 */
export interface Prose {
  parts: readonly ProsePart[];
}

/** The prose of a whole document, worked out from its root: for one-off checks (CLI, tests). */
export function proseOf(text: string, root: Root): Prose {
  return { parts: [wholeProse(text, root)] };
}

function wholeProse(text: string, root: Root): ProsePart {
  const blocks = proseBlocks(text, root);
  return { start: 0, blocks, repeated: blocks.flatMap((block) => repeatedWords(block.text, block.start, text)) };
}

/** The texts of the prose blocks, in order: what the dictionaries are asked about. */
export function proseTexts(prose: Prose): string[] {
  const texts: string[] = [];
  for (const part of prose.parts) for (const block of part.blocks) texts.push(block.text);
  return texts;
}

/**
 * The prose of each piece of the incremental parse, kept by the piece's text with offsets from
 * the piece's start: a one-character edit works out one piece's prose and repeated words, and
 * the other pieces' blocks are the same objects, with the same text strings, so the dictionaries'
 * caches find them at once and nothing is copied.
 */
export class ProseCache {
  #pieces = new Map<string, ProsePart>();
  readonly #work: typeof wholeProse;

  /** `work` works out one piece's prose from a root of its nodes; a test counts the calls. */
  constructor(work: typeof wholeProse = wholeProse) {
    this.#work = work;
  }

  of(analysis: Pick<Analysis, 'doc' | 'blocks'>): Prose {
    const { text } = analysis.doc;
    const next = new Map<string, ProsePart>();
    const parts: ProsePart[] = [];
    for (const piece of analysis.blocks) {
      const own = next.get(piece.text) ?? this.#pieces.get(piece.text) ?? moved(this.#work(text, { type: 'root', children: [...piece.children] }), -piece.start);
      next.set(piece.text, own);
      parts.push({ start: piece.start, blocks: own.blocks, repeated: own.repeated });
    }
    this.#pieces = next;
    return { parts };
  }
}

function moved({ blocks, repeated }: ProsePart, by: number): ProsePart {
  return {
    start: 0,
    blocks: blocks.map((block) => ({ ...block, start: block.start + by })),
    repeated: repeated.map((word) => ({ ...word, range: shiftRange(word.range, by), remove: shiftRange(word.remove, by) })),
  };
}
