import type { Root } from 'mdast';
import type { Analysis } from '../analyze';
import { proseBlocks, type ProseBlock } from './prose';
import { repeatedWords, type RepeatedWord } from './repeated';

/** What spelling needs of a document's text before the dictionaries: its prose, and its repeated words. */
export interface Prose {
  blocks: readonly ProseBlock[];
  repeated: readonly RepeatedWord[];
}

/** The prose of a whole document, worked out from its root: for one-off checks (CLI, tests). */
export function proseOf(text: string, root: Root): Prose {
  const blocks = proseBlocks(text, root);
  return { blocks, repeated: blocks.flatMap((block) => repeatedWords(block.text, block.start, text)) };
}

/**
 * The prose of each piece of the incremental parse, kept by the piece's text with offsets from
 * the piece's start: a one-character edit works out one piece's prose and repeated words, and
 * the other pieces' blocks keep their text strings, so the dictionaries' caches find them at once.
 */
export class ProseCache {
  #pieces = new Map<string, Prose>();
  readonly #work: typeof proseOf;

  /** `work` works out one piece's prose; a test counts the calls. */
  constructor(work: typeof proseOf = proseOf) {
    this.#work = work;
  }

  of(analysis: Pick<Analysis, 'doc' | 'blocks'>): Prose {
    const { text } = analysis.doc;
    const next = new Map<string, Prose>();
    const blocks: ProseBlock[] = [];
    const repeated: RepeatedWord[] = [];
    for (const piece of analysis.blocks) {
      const own = next.get(piece.text) ?? this.#pieces.get(piece.text) ?? moved(this.#work(text, { type: 'root', children: [...piece.children] }), -piece.start);
      next.set(piece.text, own);
      // A loop, not push(...): one piece may hold more blocks than a call takes arguments.
      const placed = moved(own, piece.start);
      for (const block of placed.blocks) blocks.push(block);
      for (const word of placed.repeated) repeated.push(word);
    }
    this.#pieces = next;
    return { blocks, repeated };
  }
}

/** The same prose `by` characters further on. */
function moved({ blocks, repeated }: Prose, by: number): Prose {
  return {
    blocks: blocks.map((block) => ({ ...block, start: block.start + by })),
    repeated: repeated.map((word) => ({ ...word, range: shift(word.range, by), remove: shift(word.remove, by) })),
  };
}

function shift([start, end]: readonly [number, number], by: number): [number, number] {
  return [start + by, end + by];
}
