/**
 * One self-evaluation as the editor shows it (targets read-only, entries, the score computed now with its reasons,
 * the report draft with the edits, the kept scores), and the list of self-evaluations.
 */
import type { SelfEvaluationDto, SelfEvaluationSummaryDto } from '@jixiao/contract';
import { loadSelfEvaluation, summaryDto, toSelfEvaluationDto, type SelfEvaluationDeps } from './self-evaluation-state';

export async function getSelfEvaluation(deps: SelfEvaluationDeps, input: { id: number }): Promise<SelfEvaluationDto> {
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

export async function listSelfEvaluations(deps: SelfEvaluationDeps, filter: { documentId?: number } = {}): Promise<SelfEvaluationSummaryDto[]> {
  const evaluations = await deps.store.evaluations.listEvaluations({ ...filter, kind: 'self-evaluation' });
  const out: SelfEvaluationSummaryDto[] = [];
  for (const e of evaluations) {
    const { summary, document } = await deps.store.documents.getDocument(e.documentId, e.targetVersion);
    out.push(summaryDto(e, summary.title, document));
  }
  return out;
}
