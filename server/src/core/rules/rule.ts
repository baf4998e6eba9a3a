import type { Story } from '../model/types';
import type { Finding } from '../findings';
import type { Settings } from '../settings';

export interface RuleContext {
  text: string;
  settings: Settings;
}

/** A finding before the user's severity for its code is applied. */
export type RuleFinding = Omit<Finding, 'severity'>;

/** A rule is data (its codes and what it checks) plus one pure function over a story. */
export interface Rule {
  codes: readonly string[];
  description: string;
  check(story: Story, context: RuleContext): RuleFinding[];
}
