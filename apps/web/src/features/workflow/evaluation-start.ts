/**
 * May a monitoring report or a self-evaluation be started on this document? The core's rule (`decideEvaluationStart`,
 * the server asks the same): targets never approved (批复) may not; the answer is the refusal's message, or null.
 */
import { decideEvaluationStart, type EvaluationWorkflowKind } from '@jixiao/core';
import type { DocumentSummaryDto } from '@jixiao/contract';

export function evaluationStartRefusal(d: Pick<DocumentSummaryDto, 'kind' | 'targetStatus' | 'approvedVersion'>, kind: EvaluationWorkflowKind): string | null {
  const decided = decideEvaluationStart({ kind, documentKind: d.kind, targetStatus: d.targetStatus ?? 'draft', approvedVersion: d.approvedVersion });
  return decided.ok ? null : decided.message;
}
