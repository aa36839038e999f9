/**
 * One self-evaluation as the editor shows it (targets read-only, entries, the score computed now with its reasons,
 * the report draft with the edits, the kept scores), and the list of self-evaluations.
 */
import type { SelfEvaluationDto, SelfEvaluationSummaryDto } from '@jixiao/contract';
import type { InScope } from '../ports';
import { loadSelfEvaluation, summaryDto, toSelfEvaluationDto, type SelfEvaluationDeps } from './self-evaluation-state';

export async function getSelfEvaluation(deps: SelfEvaluationDeps, input: { id: number }): Promise<SelfEvaluationDto> {
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

/**
 * The self-evaluations of the documents in scope (`inDepartments`, applied in the query). The title, kind and
 * department come joined with the list; no target document is loaded (issue 12: the list read and unzipped every one).
 */
export async function listSelfEvaluations(deps: SelfEvaluationDeps, filter: { documentId?: number } & InScope = {}): Promise<SelfEvaluationSummaryDto[]> {
  const evaluations = await deps.store.evaluations.listEvaluations({ ...filter, kind: 'self-evaluation' });
  return evaluations.map((e) => summaryDto(e, e.documentTitle, { kind: e.documentKind, department: e.department }));
}
