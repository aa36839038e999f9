import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_SETS } from '../rules/builtin';
import { appliesToYear, ruleSetRef } from '../rules/rule-set';
import { activeReviewRuleSet, BUILTIN_REVIEW_RULE_SETS, findBuiltinReviewRuleSet } from './review-rule-sets';

describe('the built-in review rule sets', () => {
  it('are the target-review rule sets among all built-in rule sets, each findable by its id@version', () => {
    const reviewSets = BUILTIN_RULE_SETS.filter((r) => r.scheme === 'target-review');
    expect(BUILTIN_REVIEW_RULE_SETS.map(ruleSetRef)).toEqual(reviewSets.map(ruleSetRef));
    for (const r of BUILTIN_REVIEW_RULE_SETS) expect(findBuiltinReviewRuleSet(ruleSetRef(r))).toBe(r);
    expect(findBuiltinReviewRuleSet('cn-target-review@999')).toBeUndefined();
  });

  it('give each year the first that applies to it, and the newest when the year is unknown or none applies', () => {
    const newest = BUILTIN_REVIEW_RULE_SETS[0]!;
    expect(activeReviewRuleSet(null)).toBe(newest);
    expect(activeReviewRuleSet(1990)).toBe(BUILTIN_REVIEW_RULE_SETS.find((r) => appliesToYear(r, 1990)) ?? newest);
    for (const year of [2021, 2024, 2030]) expect(appliesToYear(activeReviewRuleSet(year), year)).toBe(true);
  });
});
