export { listRuleSets, getRuleSet, createRuleSetVersion, activateRuleSet, resolveRuleSet } from './rule-sets';
export type { StoredRuleSet, RuleSetActivation, RuleSetStore, RuleSetSummary, RuleSetDetail } from './rule-sets';
