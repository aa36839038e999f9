/**
 * Starts the monitoring report of a stored target document at a cut-off month of its budget year: measured against
 * the approved targets (`targetsToEvaluate` refuses targets never approved), with the monitoring rule set that applies to the document's
 * region and year frozen into the report (so a later activation does not change a report already begun).
 */
import type { MonitoringReportDto } from '@jixiao/contract';
import { ruleSetRef } from '@jixiao/core';
import { changedBy, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { auditEvaluation } from '../workflow/evaluation-save';
import { actorName, loadMonitoring, monitoringPeriod, toMonitoringDto } from './monitoring-state';
import { resolveRuleSet } from '../rule-sets/rule-sets';
import { targetsToEvaluate } from '../documents/target-version';

export async function startMonitoring(deps: CommandDeps, who: ChangeContext, input: { documentId: number; cutoffMonth: number; by?: string }): Promise<MonitoringReportDto> {
  const by = actorName(input.by ?? changedBy(who));
  if (!Number.isInteger(input.cutoffMonth) || input.cutoffMonth < 1 || input.cutoffMonth > 12) {
    throw new AppError('BAD_INPUT', `截止月份 ${String(input.cutoffMonth)} 无效：应为 1–12 的整数，例如 7 表示 1–7 月。`, { cutoffMonth: input.cutoffMonth });
  }
  const { targetVersion, summary, document } = await targetsToEvaluate(deps, input.documentId, 'monitoring');
  const year = summary.year ?? document.year;
  if (year == null) throw new AppError('BAD_INPUT', `文档 ${input.documentId} 没有预算年度，无法确定监控期间；请重新导入并填写年度。`, { documentId: input.documentId });
  const ruleSet = await resolveRuleSet(deps, { scheme: 'monitoring', region: document.department ?? summary.department ?? '全国', year });
  const created = await deps.store.transaction(async (tx) => {
    const made = await tx.evaluations.createEvaluation({
      documentId: input.documentId,
      targetVersion,
      kind: 'monitoring',
      period: monitoringPeriod(year, input.cutoffMonth),
      entries: { ruleSet: ruleSetRef(ruleSet), budget: {}, indicators: {} },
      by,
    });
    await auditEvaluation(tx, who, { verb: 'start', before: null, after: made });
    return made;
  });
  return toMonitoringDto(await loadMonitoring(deps, created.id));
}
