import type { OffsetEdit } from '../features/fixes';
import type { Finding, Level } from '../findings';
import type { StarDocument, Story } from '../model/types';
import type { Settings } from '../settings';
import type { LineIndex } from '../text';

/**
 * What one finding code is, for everything that is generated from it: the settings defaults and
 * their validation, the `starNotes.severity` schema in package.json, the README's table of codes,
 * `docs/rules/<code>.md` (the link behind the code in the Problems panel) and the code list the
 * VS Code suite checks. `npm run generate` writes those files; a unit test fails when they lag.
 */
export interface CodeInfo {
  /** Severity when the user sets none; `off` for a code the user turns on (too-short: bullet stories are short by design). */
  severity: Level;
  /** One line: when the code is reported. Markdown. */
  description: string;
  /** Why it matters and how to fix it, for the rule's doc. Markdown. */
  explanation: string;
  /** Markdown that gets the finding, and the same story written so that it does not. */
  bad: string;
  good: string;
  /** What the quick fix does, when there is one. */
  quickFix?: string;
}

/** Metadata of a rule: its codes and the settings (keys under `starNotes.`) it reads. */
export interface RuleMeta {
  /** The rule's name, also the file it is written in. */
  name: string;
  codes: Readonly<Record<string, CodeInfo>>;
  settings: readonly string[];
}

/**
 * What a rule may read. Findings are cached per story and reused while the story reads the same
 * (analyze.ts), so a rule must depend only on:
 * - `story`: its sections, their ranges and word counts;
 * - `text`, but only inside `story.range`;
 * - `settings`;
 * - `lines`, for the line of an offset inside the story: the cache checks that the story starts on
 *   the same line, so such a line number stays right. Never scan `text` from its start for one.
 * Anything else (another story, the document's length) would make a reused finding stale.
 */
export interface RuleContext {
  text: string;
  settings: Settings;
  lines: LineIndex;
}

/** A finding before the user's severity for its code is applied. */
export type RuleFinding = Omit<Finding, 'severity'>;

/** A quick fix a rule offers for one of its findings. */
export interface FixProposal {
  title: string;
  edits: readonly OffsetEdit[];
  isPreferred?: boolean;
}

/**
 * What a rule's fixes get: the finding's code and the story it is in. Not the finding's `data`,
 * which a client may not send back with the diagnostic.
 */
export interface FixContext {
  doc: StarDocument;
  story: Story;
  code: string;
  /** Where the finding starts, which picks the section among several with the same code. */
  at: number;
}

/** A rule over one story: metadata, one pure check, and the fixes for what it finds. */
export interface StoryRule extends RuleMeta {
  check(story: Story, context: RuleContext): RuleFinding[];
  /** Proposals with the same title for one story are offered once (one reorder fixes every out-of-order finding). */
  fixes?(context: FixContext): FixProposal[];
}
