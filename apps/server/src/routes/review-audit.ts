/**
 * What the audit trail says about a reviewer's decision: the finding's (or the conclusion's) last decision before,
 * and the new one after. Read from the append-only decisions, which are cheap (the review itself is not recomputed).
 */
import type { ReviewStore, StoredReviewDecision } from '@jixiao/services';

const shape = (d: StoredReviewDecision | undefined) =>
  d ? { type: d.type, version: d.version, findingKey: d.findingKey, reason: d.reason, conclusion: d.conclusion, by: d.by, at: d.at } : null;

/** The latest decision on a finding (accept/dismiss/add) or on the conclusion (`findingKey` null → override). */
export async function lastDecision(reviews: ReviewStore, documentId: number, findingKey: string | null) {
  const decisions = await reviews.listDecisions(documentId);
  const matching = decisions.filter((d) => (findingKey === null ? d.type === 'override' : d.findingKey === findingKey));
  return shape(matching.at(-1));
}
