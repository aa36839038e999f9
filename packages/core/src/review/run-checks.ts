import type { PerformanceDocument } from '../document/model';
import type { RuleSet } from '../rules/rule-set';
import { NATIONAL_TARGET_REVIEW } from './builtin-rule-set';
import { CHECKS, type Check } from './checks';
import { createContext } from './context';
import type { TargetBenchmark } from './benchmarks';
import type { ReviewSettings } from './settings';
import type { Finding } from './types';

/**
 * Runs every check the rule set enables (a check whose id has no severity in the settings does not run) and
 * returns the findings in a stable order. Pure: the same document and rule set always give the same findings.
 * Each check reports a problem once; two findings with the same key are the same problem in the same place.
 */
export function runChecks(
  doc: PerformanceDocument,
  ruleSet: RuleSet<ReviewSettings> = NATIONAL_TARGET_REVIEW,
  checks: readonly Check[] = CHECKS,
  /** The 指标库's spreads for the document's indicators (`target-outlier`); none: that check finds nothing. */
  benchmarks: readonly TargetBenchmark[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const ctx = createContext(doc, ruleSet, findings, benchmarks);
  for (const check of checks) {
    if (ruleSet.settings.severities[check.id] === undefined) continue;
    check.run(ctx);
  }
  return findings;
}
