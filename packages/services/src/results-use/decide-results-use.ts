/**
 * The finance reviewer confirms a project's suggestion for next year's budget or changes it, with a reason (R11:
 * always confirmed by a person). One command: the row computed first (the slow part: results, review, rule set),
 * then in one transaction the scope check and the core's decision, the append-only decision and its audit entry.
 */
import type { ResultsUseDecisionRequest, ResultsUseRowDto } from '@jixiao/contract';
import { decideResultsUse as decide, type Actor } from '@jixiao/core';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { Repositories, UnitOfWork } from '../unit-of-work';
import { refusalError } from '../workflow/workflow-common';
import { basisOf, resultsRows, resultsUseRuleSet, type ResultsUseDeps } from './results-rows';

/** Who the command line acts as: the operator, who administers the whole district (decision 010). */
const OPERATOR: Actor = { userId: 0, username: 'cli', displayName: '命令行', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export async function decideResultsUse(deps: { store: ResultsUseDeps['store'] & Pick<Repositories, 'scope' | 'audit'> & UnitOfWork }, who: ChangeContext, input: ResultsUseDecisionRequest): Promise<ResultsUseRowDto> {
  const { summary } = await deps.store.documents.getDocument(input.documentId);
  if (summary.year === null) throw new AppError('BAD_INPUT', '这份绩效目标没有写明预算年度，无法作出结果应用决定。');
  const ruleSet = await resultsUseRuleSet(deps, summary.year, summary.department);
  const row = (await resultsRows(deps, [summary], ruleSet)).find((r) => r.projectKey === input.projectKey);
  if (!row) throw new AppError('NOT_FOUND', `文档 ${input.documentId} 中没有项目 ${input.projectKey}（项目可能已在新版本中变动），请刷新后重试。`, { documentId: input.documentId, projectKey: input.projectKey });
  const saved = await deps.store.transaction(async (tx) => {
    const departmentId = (await tx.scope.departmentOf('document', input.documentId)) ?? null;
    const decided = decide(who.actor ?? OPERATOR, { departmentId }, { kind: input.kind, computed: row.suggestion.suggestion, chosen: input.suggestion ?? null, reason: input.reason }, ruleSet.settings);
    if (!decided.ok) throw refusalError(decided);
    const decision = await tx.resultsUse.saveDecision({
      documentId: input.documentId,
      projectKey: input.projectKey,
      unit: row.unit,
      project: row.project,
      kind: decided.kind,
      computed: row.suggestion.suggestion,
      suggestion: decided.suggestion,
      reason: decided.reason,
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
      basis: basisOf(row),
      by: changedBy(who),
    });
    await recordChange(tx.audit, who, { action: `results-use.${decided.kind}`, objectType: 'results-use', objectId: `${input.documentId}/${input.projectKey}`, before: row.decision, after: decision });
    return decision;
  });
  return (await resultsRows(deps, [summary], ruleSet)).find((r) => r.projectKey === saved.projectKey)!;
}
