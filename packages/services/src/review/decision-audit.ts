/**
 * What the audit trail keeps of a reviewer's decision: the finding's (or the conclusion's) last decision before and
 * the new one after, in the same shape for accept, dismiss, add and override.
 */
import type { StoredReviewDecision } from '../ports';

export const decisionShape = (d: StoredReviewDecision | undefined) =>
  d ? { type: d.type, version: d.version, findingKey: d.findingKey, reason: d.reason, conclusion: d.conclusion, by: d.by, at: d.at } : null;

/** The latest decision on a finding (accept/dismiss/add) or on the conclusion (`findingKey` null → override). */
export function lastDecision(decisions: readonly StoredReviewDecision[], findingKey: string | null) {
  return decisionShape(decisions.filter((d) => (findingKey === null ? d.type === 'override' : d.findingKey === findingKey)).at(-1));
}
