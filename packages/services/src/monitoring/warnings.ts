/**
 * Monitoring warnings (预警, issue 14 item 8, decision 038): raised when a report is submitted (by the rule set's
 * `warnings`, core `warningsOf`), each with its deadline in working days from the moment of submission (core
 * `responseDue`); the unit answers each one (继续执行 / 调剂 / 取消 with a reason); where each stands is counted on
 * the Beijing date of the `now` the edge passes in (services keep no clock).
 */
import type { MonitoringWarningDto, MonitoringWarningsDto, WarningResponseRequest } from '@jixiao/contract';
import { beijingDate, can, decideWarningResponse, MONITORING_WARNING_RULE_LABELS, responseDue, warningsOf, warningStatus, type Actor } from '@jixiao/core';
import { recordChange, type ChangeContext } from '../access/audit';
import type { StoredEvaluation } from '../ports';
import type { Repositories, TransactionalStore } from '../unit-of-work';
import { refusalError, type ActingInput } from '../workflow/workflow-common';
import { loadMonitoring, type MonitoringDeps, type MonitoringState } from './monitoring-state';
import type { StoredMonitoringWarning, StoredWarningResponse } from './warning-ports';

/** Who the command line acts as: the operator, who administers the whole district (decision 010). */
const OPERATOR: Actor = { userId: 0, username: 'cli', displayName: '命令行', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

/**
 * Inside the submit transaction: records the report's warnings, due `responseWorkingDays` after the submission's own
 * time (the report's `updatedAt`, set by the store), with one audit entry. None when the rule set has no warnings.
 */
export async function issueWarningsIn(tx: Pick<Repositories, 'monitoringWarnings' | 'audit'>, who: ActingInput, state: MonitoringState, submitted: StoredEvaluation): Promise<StoredMonitoringWarning[]> {
  const settings = state.ruleSet.settings.warnings;
  const warnings = warningsOf(state.result, state.cutoffMonth, settings);
  if (!settings || warnings.length === 0) return [];
  const due = responseDue(submitted.updatedAt, settings.responseWorkingDays);
  const ruleSet = { id: state.ruleSet.id, version: state.ruleSet.version };
  const issued = await tx.monitoringWarnings.issueWarnings(warnings.map((w) => ({ ...w, evaluationId: submitted.id, ruleSet, due, issuedBy: who.actor.displayName })));
  await recordChange(tx.audit, who, { action: 'monitoring.warn', objectType: 'evaluation', objectId: submitted.id, before: null, after: { due, warnings: warnings.map((w) => ({ key: w.key, label: w.label, reason: w.reason })) } });
  return issued;
}

const responseDto = (r: StoredWarningResponse) => ({ response: r.response, explanation: r.explanation, by: r.by, at: r.at });

export function toWarningDto(w: StoredMonitoringWarning, today: string): MonitoringWarningDto {
  const latest = w.responses.at(-1) ?? null;
  return {
    id: w.id,
    lineKey: w.lineKey,
    label: w.label,
    rule: w.rule,
    ruleLabel: MONITORING_WARNING_RULE_LABELS[w.rule],
    setting: w.setting,
    reason: w.reason,
    ruleSet: `${w.ruleSet.id}@${w.ruleSet.version}`,
    issuedAt: w.issuedAt,
    due: w.due,
    status: warningStatus({ due: w.due, answered: latest !== null }, today),
    latest: latest && responseDto(latest),
    history: w.responses.map(responseDto),
  };
}

type WarningDeps = MonitoringDeps & { store: MonitoringDeps['store'] & Pick<Repositories, 'monitoringWarnings' | 'scope'> };

async function present(deps: WarningDeps, actor: Actor | null, state: MonitoringState, now: Date): Promise<MonitoringWarningsDto> {
  const today = beijingDate(now);
  const settings = state.ruleSet.settings.warnings;
  const stored = await deps.store.monitoringWarnings.listWarnings({ evaluationIds: [state.evaluation.id] });
  const departmentId = (await deps.store.scope.departmentOf('evaluation', state.evaluation.id)) ?? null;
  return {
    evaluationId: state.evaluation.id,
    today,
    responses: settings?.responses ?? [],
    responseWorkingDays: settings?.responseWorkingDays ?? null,
    canRespond: stored.length > 0 && can(actor ?? OPERATOR, 'monitoring.edit', { departmentId }),
    warnings: stored.map((w) => toWarningDto(w, today)),
  };
}

/** `GET /api/monitoring/{id}/warnings`: the report's warnings and where each stands today. */
export async function getMonitoringWarnings(deps: WarningDeps, actor: Actor | null, input: { id: number }, now: Date): Promise<MonitoringWarningsDto> {
  return present(deps, actor, await loadMonitoring(deps, input.id), now);
}

/**
 * The unit's answer to one warning: the rule set read first, then in one transaction the scope check and the core's
 * decision (`decideWarningResponse`), the appended answer and its audit entry.
 */
export async function respondToWarning(
  deps: WarningDeps & { store: TransactionalStore },
  who: ChangeContext,
  input: { id: number } & WarningResponseRequest,
  now: Date,
): Promise<MonitoringWarningsDto> {
  const state = await loadMonitoring(deps, input.id);
  await deps.store.transaction(async (tx) => {
    const warning = (await tx.monitoringWarnings.listWarnings({ evaluationIds: [input.id] })).find((w) => w.id === input.warningId);
    if (!warning) throw refusalError({ ok: false, code: 'BAD_INPUT', message: `运行监控 ${input.id} 没有编号为 ${input.warningId} 的预警，请刷新后重试。` });
    const departmentId = (await tx.scope.departmentOf('evaluation', input.id)) ?? null;
    const decided = decideWarningResponse(who.actor ?? OPERATOR, { departmentId }, input, state.ruleSet.settings.warnings);
    if (!decided.ok) throw refusalError(decided);
    const saved = await tx.monitoringWarnings.respond({ warningId: warning.id, response: decided.response, explanation: decided.explanation, by: who.actor?.displayName ?? who.operator ?? '系统' });
    await recordChange(tx.audit, who, { action: 'monitoring.warning-respond', objectType: 'monitoring-warning', objectId: warning.id, before: warning.responses.at(-1) ?? null, after: saved });
  });
  return present(deps, who.actor, state, now);
}
