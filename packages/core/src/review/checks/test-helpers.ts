import type { PerformanceDocument } from '../../document/model';
import { NATIONAL_TARGET_REVIEW_V2 } from '../builtin-rule-set';
import { createContext } from '../context';
import type { TargetBenchmark } from '../benchmarks';
import type { Finding } from '../types';
import type { Check } from './check';

/** Runs one check on a document with the newest built-in rule set (and the 指标库's spreads, for `target-outlier`). */
export function runCheck(check: Check, doc: PerformanceDocument, benchmarks: readonly TargetBenchmark[] = []): Finding[] {
  const out: Finding[] = [];
  check.run(createContext(doc, NATIONAL_TARGET_REVIEW_V2, out, benchmarks));
  return out;
}
