/**
 * What every monitoring use case shares (R10): a stored report loaded with its target version, the rule set frozen
 * when it was started, and the lines computed on demand by the core (`monitorDocument`) — only what the unit
 * entered is stored — and its wire shape.
 */
import { storedMonitoringEntriesSchema, type MonitoringReportDto, type MonitoringSummaryDto } from '@jixiao/contract';
import { monitorDocument, NATIONAL_MONITORING, ruleSetRef, ruleSetTitle, type MonitoringEntries, type MonitoringResult, type MonitoringSettings, type PerformanceDocument, type RuleSet } from '@jixiao/core';
import { presentDocumentSummary } from '../documents/present';
import { AppError } from '../errors';
import type { DocumentStore, DocumentSummary, EvaluationStore, StoredEvaluation } from '../ports';
import { findRuleSet, type RuleSetDeps } from '../rule-sets/rule-sets';

export interface MonitoringDeps extends RuleSetDeps {
  store: RuleSetDeps['store'] & { documents: DocumentStore; evaluations: EvaluationStore };
}

export interface MonitoringState {
  evaluation: StoredEvaluation;
  summary: DocumentSummary;
  document: PerformanceDocument;
  ruleSet: RuleSet<MonitoringSettings>;
  entries: MonitoringEntries;
  cutoffMonth: number;
  result: MonitoringResult;
}

/** `2024-07` → 2024 and 7. */
export function parsePeriod(period: string): { year: number; cutoffMonth: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? { year: Number(m[1]), cutoffMonth: Number(m[2]) } : { year: 0, cutoffMonth: 0 };
}

export const monitoringPeriod = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The monitoring rule set by reference. A stored copy made before a setting existed lacks it: the built-in value
 * fills the gap (the copy's own values always win), so an old report still computes.
 */
export async function monitoringRuleSet(deps: RuleSetDeps, ref: string): Promise<RuleSet<MonitoringSettings>> {
  const { ruleSet } = await findRuleSet(deps, ref);
  if (ruleSet.scheme !== 'monitoring') throw new AppError('BAD_INPUT', `规则集 ${ref} 不是绩效运行监控规则集。`, { ruleSet: ref });
  const settings = { ...NATIONAL_MONITORING.settings, ...(ruleSet.settings as Partial<MonitoringSettings>) };
  return { ...ruleSet, settings } as RuleSet<MonitoringSettings>;
}

/** The stored entries without the frozen rule set reference; anything unreadable is refused, never guessed. */
export function readEntries(evaluation: Pick<StoredEvaluation, 'id' | 'entries'>): { entries: MonitoringEntries; ruleSet: string } {
  const parsed = storedMonitoringEntriesSchema.safeParse(evaluation.entries ?? {});
  if (!parsed.success) throw new AppError('BAD_INPUT', `运行监控 ${evaluation.id} 保存的内容无法读取（${parsed.error.issues[0]?.message ?? '格式不对'}），请联系管理员。`, { evaluationId: evaluation.id });
  const { ruleSet, ...entries } = parsed.data;
  return { entries, ruleSet: ruleSet ?? ruleSetRef(NATIONAL_MONITORING) };
}

export async function loadMonitoring(deps: MonitoringDeps, id: number, override?: { entries?: MonitoringEntries }): Promise<MonitoringState> {
  const evaluation = await deps.store.evaluations.getEvaluation(id);
  if (evaluation.kind !== 'monitoring') throw new AppError('NOT_FOUND', `编号 ${id} 是绩效自评，不是运行监控。`, { evaluationId: id });
  const { summary, document } = await deps.store.documents.getDocument(evaluation.documentId, evaluation.targetVersion);
  const stored = readEntries(evaluation);
  const ruleSet = await monitoringRuleSet(deps, stored.ruleSet);
  const entries = override?.entries ?? stored.entries;
  const { cutoffMonth } = parsePeriod(evaluation.period);
  const result = monitorDocument({ document, entries, cutoffMonth, ruleSet });
  return { evaluation, summary, document, ruleSet, entries, cutoffMonth, result };
}

export function toMonitoringSummary(e: StoredEvaluation): MonitoringSummaryDto {
  const { year, cutoffMonth } = parsePeriod(e.period);
  return {
    id: e.id,
    documentId: e.documentId,
    targetVersion: e.targetVersion,
    period: e.period,
    year,
    cutoffMonth,
    status: e.status,
    revision: e.revision,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    updatedBy: e.updatedBy,
    updatedAt: e.updatedAt,
  };
}

export function toMonitoringDto(state: MonitoringState): MonitoringReportDto {
  const { ruleSet } = state;
  return {
    ...toMonitoringSummary(state.evaluation),
    document: presentDocumentSummary(state.summary),
    ruleSet: { id: ruleSet.id, version: ruleSet.version, ref: ruleSetRef(ruleSet), name: ruleSet.name, title: ruleSetTitle(ruleSet), settings: ruleSet.settings },
    entries: state.entries,
    result: state.result,
  };
}

/** Trims the name of who does it; an empty one is refused. */
export function actorName(by: string): string {
  const name = by.trim();
  if (!name) throw new AppError('BAD_INPUT', '请填写填报人姓名。');
  return name;
}
