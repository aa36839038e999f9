/**
 * The review of a stored document's current version: findings computed on demand by the core with the active
 * built-in rule set, the reviewer's decisions applied, dimension scores, total, conclusion, quantified share.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { loadReview, toReviewDto, type ReviewDeps } from './review-state';

export async function getReview(deps: ReviewDeps, input: { documentId: number }): Promise<DocumentReviewDto> {
  return toReviewDto(await loadReview(deps, input.documentId));
}
