import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { incompleteSection } from './incomplete-section';
import { missingSection } from './missing-section';
import { outOfOrder } from './out-of-order';
import type { Rule } from './rule';

export type { Rule, RuleContext, RuleFinding } from './rule';

export const RULES: readonly Rule[] = [missingSection, emptySection, incompleteSection, outOfOrder, duplicateSection];
