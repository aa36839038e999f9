/**
 * The reviewer accepts a finding or dismisses it with a reason, by the finding's stable key. Answers the review
 * recomputed with the new decision. A later decision on the same finding replaces the earlier one.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { AppError } from '../errors';
import { loadReview, reviewerName, reviewWith, toReviewDto, type ReviewDeps } from './review-state';

export interface DecideFindingInput {
  documentId: number;
  findingKey: string;
  decision: 'accept' | 'dismiss';
  reason?: string | undefined;
  by: string;
}

export async function decideFinding(deps: ReviewDeps, input: DecideFindingInput): Promise<DocumentReviewDto> {
  const by = reviewerName(input.by);
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'dismiss' && !reason) throw new AppError('BAD_INPUT', '驳回问题时请写明理由，例如「经核实，原文已按要求填写」。');
  const state = await loadReview(deps, input.documentId);
  const key = input.findingKey.trim();
  if (!state.result.findings.some((f) => f.finding.key === key)) {
    throw new AppError('NOT_FOUND', `在该文档的当前版本中找不到这条问题（${key}）：文档可能已导入新版本，请刷新审核页面后重试。`, { findingKey: key });
  }
  const saved = await deps.store.reviews.saveDecision({
    documentId: input.documentId,
    version: state.summary.version,
    type: input.decision,
    findingKey: key,
    ...(reason ? { reason } : {}),
    by,
  });
  return toReviewDto(reviewWith(state, [...state.stored, saved]));
}
