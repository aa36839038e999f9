/**
 * The reviewer overrides the conclusion (优/良/中/差) with a reason. The computed conclusion is kept beside it and the
 * opinion states both (decision 006). The override belongs to the current version: a new version is a new round.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { AppError } from '../errors';
import { loadReview, reviewerName, reviewWith, toReviewDto, type ReviewDeps } from './review-state';

export interface SetConclusionInput {
  documentId: number;
  conclusion: string;
  reason: string;
  by: string;
}

export async function setConclusion(deps: ReviewDeps, input: SetConclusionInput): Promise<DocumentReviewDto> {
  const by = reviewerName(input.by);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_INPUT', '调整评审结论时请写明理由。');
  const state = await loadReview(deps, input.documentId);
  const grades = state.ruleSet.settings.grades.map((g) => g.grade);
  if (!grades.includes(input.conclusion)) throw new AppError('BAD_INPUT', `评审结论只能是 ${grades.join('、')} 之一。`);
  const saved = await deps.store.reviews.saveDecision({ documentId: input.documentId, version: state.summary.version, type: 'override', conclusion: input.conclusion, reason, by });
  return toReviewDto(reviewWith(state, [...state.stored, saved]));
}
