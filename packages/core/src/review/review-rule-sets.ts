/**
 * The built-in target-review rule sets, listed once: the server picks the active one by year, the review page
 * runs the one the server named (`id@version`) in the browser. Adding a built-in review rule set is one line here.
 */
import { appliesToYear, ruleSetRef, type RuleSet } from '../rules/rule-set';
import { NATIONAL_TARGET_REVIEW, NATIONAL_TARGET_REVIEW_V2 } from './builtin-rule-set';
import type { ReviewSettings } from './settings';

/** Newest first: the first that applies to a year is the active one. */
export const BUILTIN_REVIEW_RULE_SETS: readonly RuleSet<ReviewSettings>[] = [NATIONAL_TARGET_REVIEW_V2, NATIONAL_TARGET_REVIEW];

/** The built-in review rule set for a budget year (the newest one when the year is unknown or none applies). */
export function activeReviewRuleSet(year: number | null): RuleSet<ReviewSettings> {
  const newest = BUILTIN_REVIEW_RULE_SETS[0]!;
  if (year === null) return newest;
  return BUILTIN_REVIEW_RULE_SETS.find((r) => appliesToYear(r, year)) ?? newest;
}

/** The built-in review rule set named `id@version`, or undefined. */
export function findBuiltinReviewRuleSet(ref: string): RuleSet<ReviewSettings> | undefined {
  return BUILTIN_REVIEW_RULE_SETS.find((r) => ruleSetRef(r) === ref);
}
