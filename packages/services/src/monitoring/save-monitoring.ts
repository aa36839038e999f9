/**
 * Saves what the unit entered in a monitoring report, on the revision it was based on: a stale save is refused by
 * the store (CONFLICT naming who saved last and when) and changes nothing. The workflow is asked first
 * (`guardEvaluationSave`): a submitted or done report, a locked period or a person who may not edit it is refused.
 * Entries for lines the target document does not have are refused, never silently dropped. The save and its audit
 * entry (the report before and after) are one transaction.
 */
import type { MonitoringReportDto } from '@jixiao/contract';
import type { EvaluationWorkflowStatus, MonitoringEntries } from '@jixiao/core';
import { changedBy, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { saveEvaluationChange } from '../workflow/evaluation-save';
import { actorName, loadMonitoring, readEntries, toMonitoringDto, type MonitoringState } from './monitoring-state';

/** As the monitoring pages and the 监控表 say it (a report is 填报中 until submitted; it never waits for a unit head). */
export const MONITORING_STATUS_LABELS: Record<EvaluationWorkflowStatus, string> = { draft: '填报中', submitted: '已提交', 'in-review': '审核中', returned: '已退回', done: '已完成' };

function unknownKeys(state: MonitoringState, entries: MonitoringEntries): string[] {
  const known = new Set([...state.result.budgetLines.map((l) => l.key), ...state.result.indicatorLines.map((l) => l.key)]);
  return [...Object.keys(entries.budget ?? {}), ...Object.keys(entries.indicators ?? {})].filter((k) => !known.has(k));
}

export interface SaveMonitoringInput {
  id: number;
  baseRevision: number;
  entries: MonitoringEntries;
  /** The name kept as who saved last; default the person's. */
  by?: string;
}

export async function saveMonitoring(deps: CommandDeps, who: ChangeContext, input: SaveMonitoringInput): Promise<MonitoringReportDto> {
  const by = actorName(input.by ?? changedBy(who));
  // The lines of the frozen targets, read before the transaction (the monitoring result is computed with them).
  const state = await loadMonitoring(deps, input.id);
  await saveEvaluationChange(deps, who, { evaluationId: input.id, verb: 'save' }, async (tx) => {
    const unknown = unknownKeys(state, input.entries);
    if (unknown.length > 0) {
      throw new AppError('BAD_INPUT', `保存未成功：目标表（第 ${state.evaluation.targetVersion} 版）中没有这些行：${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ' 等' : ''}。请重新载入页面后再填写。`, { unknown });
    }
    const { ruleSet } = readEntries(state.evaluation);
    await tx.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision, entries: { ruleSet, ...input.entries }, by });
  });
  return toMonitoringDto(await loadMonitoring(deps, input.id));
}
