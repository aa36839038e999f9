/**
 * The workflow's own 提交 of a monitoring report or a self-evaluation (`POST /api/evaluations/{id}/workflow/submit`)
 * goes through the same use case as the entry pages' 提交: the completeness check, the transition on the revision
 * that was checked, and the kept score — so no route submits an incomplete report or leaves it without its score.
 */
import type { EvaluationWorkflowDto } from '@jixiao/contract';
import { submitMonitoring } from '../monitoring/submit-monitoring';
import { submitSelfEvaluation } from '../self-evaluation/submit-self-evaluation';
import type { CommandDeps } from '../unit-of-work';
import { getEvaluationWorkflow } from './evaluation-workflow';
import type { ActingInput } from './workflow-common';

export async function submitEvaluation(deps: CommandDeps, who: ActingInput, input: { evaluationId: number }): Promise<EvaluationWorkflowDto> {
  const evaluation = await deps.store.evaluations.getEvaluation(input.evaluationId);
  // The revision read now: a save landing before the transition is refused under the row lock (CONFLICT).
  const submit = { id: input.evaluationId, baseRevision: evaluation.revision };
  if (evaluation.kind === 'monitoring') await submitMonitoring(deps, who, submit);
  else await submitSelfEvaluation(deps, who, submit);
  return getEvaluationWorkflow(deps, { evaluationId: input.evaluationId, actor: who.actor });
}
