import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { incompleteSection } from './incomplete-section';
import { leftoverPrompt } from './leftover-prompt';
import { missingSection } from './missing-section';
import { noMetric } from './no-metric';
import { teamVoice } from './team-voice';
import { tooLong } from './too-long';
import { tooShort } from './too-short';
import { unbalanced } from './unbalanced';
import { vagueLanguage } from './vague-language';
import { outOfOrder } from './out-of-order';
import type { CodeInfo, RuleMeta, StoryRule } from './rule';
import { limits } from './limits';
import { spelling } from './spelling';
import { mixedDialect } from './mixed-dialect';

export type { CodeInfo, FixContext, FixProposal, RuleContext, RuleFinding, RuleMeta, StoryRule } from './rule';

/** The rules that check each story, in the order their findings are listed. */
export const STORY_RULES: readonly StoryRule[] = [
  missingSection, emptySection, incompleteSection, leftoverPrompt, outOfOrder, duplicateSection,
  noMetric, teamVoice, tooLong, tooShort, unbalanced, vagueLanguage,
];

/** Every rule, story rules and spelling alike: the one list that codes, settings and docs come from. */
export const RULES: readonly RuleMeta[] = [...STORY_RULES, spelling, mixedDialect, limits];

export interface CodeEntry extends CodeInfo {
  code: string;
  rule: RuleMeta;
}

/** Every finding code, in the order of `RULES`. */
export const CODES: ReadonlyMap<string, CodeEntry> = new Map(
  RULES.flatMap((rule) => Object.entries(rule.codes).map(([code, info]): [string, CodeEntry] => [code, { ...info, code, rule }])),
);

/** The story rule that reports `code`, for its quick fixes. */
export function storyRuleOf(code: string): StoryRule | undefined {
  const rule = CODES.get(code)?.rule;
  return STORY_RULES.find((candidate) => candidate === rule);
}
