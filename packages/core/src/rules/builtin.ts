/** Every built-in rule set: always available, never stored (an admin copies one to change it). */
import { NATIONAL_TARGET_REVIEW, NATIONAL_TARGET_REVIEW_V2 } from '../review/builtin-rule-set';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_DEPARTMENT_TABLE_SELF_EVALUATION, NATIONAL_MONITORING, NATIONAL_PROJECT_SELF_EVALUATION } from '../scoring/builtin-rule-sets';
import { NATIONAL_RESULTS_USE } from '../results-use/builtin-rule-set';
import type { RuleSet } from './rule-set';

export const BUILTIN_RULE_SETS: readonly RuleSet<unknown>[] = [NATIONAL_TARGET_REVIEW_V2, NATIONAL_TARGET_REVIEW, NATIONAL_PROJECT_SELF_EVALUATION, NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_MONITORING, NATIONAL_DEPARTMENT_TABLE_SELF_EVALUATION, NATIONAL_RESULTS_USE];
