/**
 * Submits a monitoring report (R10) through the workflow (decision 011): refused, with the Chinese list of the
 * lines that still lack figures or, being non-green, a deviation reason, explanation, likelihood or measures;
 * otherwise `transitionEvaluation` submits it (history row, period lock, audit entry) on the revision that was
 * checked, and the computed result is kept with the rule set `id@version` that produced it; the rule set's warnings
 * (预警, decision 038) are recorded with their deadline in the same transaction.
 */
import type { MonitoringReportDto } from '@jixiao/contract';
import { describeIncomplete } from '@jixiao/core';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { auditEvaluation } from '../workflow/evaluation-save';
import { checkEvaluationTransition, transitionEvaluationIn } from '../workflow/evaluation-workflow';
import type { ActingInput } from '../workflow/workflow-common';
import { loadMonitoring, toMonitoringDto } from './monitoring-state';
import { issueWarningsIn } from './warnings';

/**
 * The completeness check runs before the transaction on the revision the person saw; then, in one transaction, the
 * transition (refused under the row lock if a save landed in between), the kept result and both audit entries (the
 * workflow's and the report's).
 */
export async function submitMonitoring(deps: CommandDeps, who: ActingInput, input: { id: number; baseRevision: number }): Promise<MonitoringReportDto> {
  const state = await loadMonitoring(deps, input.id);
  // State, period lock, role and department first: "already submitted" says more than a list of missing lines.
  await checkEvaluationTransition(deps, { evaluationId: input.id, actor: who.actor, action: 'submit' });
  if (state.evaluation.revision !== input.baseRevision) {
    const e = state.evaluation;
    throw new AppError('CONFLICT', `提交未成功：这份运行监控已由 ${e.updatedBy} 于 ${e.updatedAt} 修改（第 ${e.revision} 版），你看到的是第 ${input.baseRevision} 版。请重新载入后再提交。`, {
      revision: e.revision,
      updatedBy: e.updatedBy,
      updatedAt: e.updatedAt,
    });
  }
  const { result } = state;
  if (result.incomplete.length > 0) {
    throw new AppError('BAD_INPUT', `还不能提交：${result.incomplete.length} 行尚未填完——${describeIncomplete(result)}。非绿灯的行须填写偏差原因、原因说明、完成可能性和纠偏措施。`, {
      incomplete: result.incomplete,
    });
  }
  const submitted = await deps.store.transaction(async (tx) => {
    await transitionEvaluationIn(tx, who, { evaluationId: input.id, action: 'submit', baseRevision: input.baseRevision });
    const after = await tx.evaluations.getEvaluation(input.id);
    await tx.evaluations.saveScore({
      evaluationId: after.id,
      evaluationRevision: after.revision,
      ruleSet: { id: state.ruleSet.id, version: state.ruleSet.version },
      total: null,
      grade: null,
      result,
      scoredBy: who.actor.displayName,
    });
    await auditEvaluation(tx, who, { verb: 'submit', before: state.evaluation, after });
    await issueWarningsIn(tx, who, state, after);
    return after;
  });
  return toMonitoringDto({ ...state, evaluation: submitted });
}
