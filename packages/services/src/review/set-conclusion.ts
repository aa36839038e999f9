/**
 * The reviewer overrides the conclusion (优/良/中/差) with a reason. The computed conclusion is kept beside it and the
 * opinion states both (decision 006). The override belongs to the current version: a new version is a new round.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { refuseUnlessReviewOpen } from './review-open';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { decisionShape, lastDecision } from './decision-audit';
import { loadReview, reviewerName, reviewWith, toReviewDto } from './review-state';

export interface SetConclusionInput {
  documentId: number;
  conclusion: string;
  reason: string;
  /** The name kept with the decision; default the person's. */
  by?: string;
}

export async function setConclusion(deps: CommandDeps, who: ChangeContext, input: SetConclusionInput): Promise<DocumentReviewDto> {
  const by = reviewerName(input.by ?? changedBy(who));
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_INPUT', '调整评审结论时请写明理由。');
  const state = await loadReview(deps, input.documentId);
  const grades = state.ruleSet.settings.grades.map((g) => g.grade);
  if (!grades.includes(input.conclusion)) throw new AppError('BAD_INPUT', `评审结论只能是 ${grades.join('、')} 之一。`);
  const saved = await deps.store.transaction(async (tx) => {
    await refuseUnlessReviewOpen(tx, input.documentId);
    const decision = await tx.reviews.saveDecision({ documentId: input.documentId, version: state.summary.version, type: 'override', conclusion: input.conclusion, reason, by });
    await recordChange(tx.audit, who, { action: 'review.conclude', objectType: 'document', objectId: input.documentId, before: lastDecision(state.stored, null), after: decisionShape(decision) });
    return decision;
  });
  return toReviewDto(reviewWith(state, [...state.stored, saved]));
}
