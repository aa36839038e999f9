/**
 * The public page (信息公开, R12; decision 011), anonymous: only what has been published — approved targets at their
 * published version and accepted self-evaluation results. Drafts, versions under review and anything unpublished
 * never reach these functions' answers: the store reads them from the `publications` table alone.
 */
import { selfEvaluationScoreSchema, type PublishedItemDto, type PublishedSelfEvaluationDto, type PublishedTargetsDto } from '@jixiao/contract';
import type { PublicQuery, WorkflowStore } from '../workflow/ports';

export async function listPublished(deps: { store: { workflow: WorkflowStore } }, query: PublicQuery): Promise<PublishedItemDto[]> {
  return deps.store.workflow.listPublished(query);
}

export async function getPublishedTargets(deps: { store: { workflow: WorkflowStore } }, input: { documentId: number }): Promise<PublishedTargetsDto> {
  return deps.store.workflow.getPublishedTargets(input.documentId);
}

/**
 * A published self-evaluation with the score it was published with: the kept result read through the wire schema
 * (what is not part of a score never reaches the public page); a result kept in an older shape gives no detail.
 */
export async function getPublishedSelfEvaluation(deps: { store: { workflow: WorkflowStore } }, input: { evaluationId: number }): Promise<PublishedSelfEvaluationDto> {
  const { item, result } = await deps.store.workflow.getPublishedSelfEvaluation(input.evaluationId);
  const score = selfEvaluationScoreSchema.safeParse(result);
  return { item, score: score.success ? score.data : null };
}
