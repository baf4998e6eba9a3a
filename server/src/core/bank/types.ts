import type { SlotState } from '../model/progress';

/** A position as LSP counts it: zero-based line, UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One story of the bank, as `starNotes/stories` sends it: plain JSON, for any editor. */
export interface StoryEntry {
  uri: string;
  title: string;
  /** Where the story is named: its heading, question or table row (what `workspace/symbol` points at). */
  range: Range;
  /** The framework's id: `star`, `star-l`, `car`, `car-l`, `par`, `soar`, `sar`. */
  framework: string;
  /** Every slot of its framework but the optional ones is done (model/progress.ts). */
  complete: boolean;
  slots: { letter: string; name: string; state: SlotState }[];
  /** Spoken words, and the seconds they take at `starNotes.wordsPerMinute`. */
  words: number;
  seconds: number;
  /** Its findings at hint level: the coaching, as the code lens counts them. */
  hints: number;
  /** Declared themes, and guesses from title keywords (`guess: true`). */
  themes: { id: string; name: string; guess: boolean }[];
}

export interface StoriesResult {
  stories: StoryEntry[];
  /** The theme set's themes, in its order; `covered` when a complete story has it (declared or guessed). */
  themes: { id: string; name: string; covered: boolean }[];
}
