/**
 * The reviewer accepts a finding or dismisses it with a reason, by the finding's stable key. Answers the review
 * recomputed with the new decision. A later decision on the same finding replaces the earlier one.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { decisionShape, lastDecision } from './decision-audit';
import { refuseUnlessReviewOpen } from './review-open';
import { loadReview, reviewerName, reviewWith, toReviewDto } from './review-state';

export interface DecideFindingInput {
  documentId: number;
  findingKey: string;
  decision: 'accept' | 'dismiss';
  reason?: string | undefined;
  /** The name kept with the decision; default the person's. */
  by?: string;
}

/** The review is computed before the transaction (the checks are the slow part); the decision and its audit entry are one write. */
export async function decideFinding(deps: CommandDeps, who: ChangeContext, input: DecideFindingInput): Promise<DocumentReviewDto> {
  const by = reviewerName(input.by ?? changedBy(who));
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'dismiss' && !reason) throw new AppError('BAD_INPUT', '驳回问题时请写明理由，例如「经核实，原文已按要求填写」。');
  const state = await loadReview(deps, input.documentId);
  const key = input.findingKey.trim();
  if (!state.result.findings.some((f) => f.finding.key === key)) {
    throw new AppError('NOT_FOUND', `在该文档的当前版本中找不到这条问题（${key}）：文档可能已导入新版本，请刷新审核页面后重试。`, { findingKey: key });
  }
  const saved = await deps.store.transaction(async (tx) => {
    await refuseUnlessReviewOpen(tx, input.documentId);
    const decision = await tx.reviews.saveDecision({ documentId: input.documentId, version: state.summary.version, type: input.decision, findingKey: key, ...(reason ? { reason } : {}), by });
    await recordChange(tx.audit, who, { action: `review.${input.decision}`, objectType: 'document', objectId: input.documentId, before: lastDecision(state.stored, key), after: decisionShape(decision) });
    return decision;
  });
  return toReviewDto(reviewWith(state, [...state.stored, saved]));
}
