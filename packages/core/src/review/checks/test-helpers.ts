import type { PerformanceDocument } from '../../document/model';
import { NATIONAL_TARGET_REVIEW } from '../builtin-rule-set';
import { createContext } from '../context';
import type { Finding } from '../types';
import type { Check } from './check';

/** Runs one check on a document with the built-in rule set. */
export function runCheck(check: Check, doc: PerformanceDocument): Finding[] {
  const out: Finding[] = [];
  check.run(createContext(doc, NATIONAL_TARGET_REVIEW, out));
  return out;
}
