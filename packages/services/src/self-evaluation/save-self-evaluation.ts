/**
 * Saves what a unit entered (actuals, tiers, reasons, budget figures) or its edits of the 自评报告 — on the revision
 * it started from, or not at all: a stale save gets CONFLICT naming who saved last (the store checks it in one
 * statement). Entries are parsed by the contract first, so nothing malformed is stored. The workflow is asked
 * first (`guardEvaluationSave`): a submitted or done self-evaluation, a locked year or a person who may not edit it
 * is refused. The audit entry is the route's (http/evaluation-audit.ts: the evaluation before and after).
 */
import { selfEvaluationEntriesSchema, selfEvaluationReportEditsSchema, type SelfEvaluationDto } from '@jixiao/contract';
import { indicatorSlots, budgetSlots, type SelfEvaluationEntries } from '@jixiao/core';
import { AppError } from '../errors';
import { guardEvaluationSave, type EvaluationSaver } from '../workflow/evaluation-save';
import { assertSelfEvaluation, loadSelfEvaluation, toSelfEvaluationDto, type SelfEvaluationDeps } from './self-evaluation-state';
import type { WorkflowStore } from '../workflow/ports';

/** A save's dependencies: the self-evaluation's, and the workflow that decides whether it may be saved now. */
export type SelfEvaluationSaveDeps = SelfEvaluationDeps & { store: { workflow?: WorkflowStore } };

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('BAD_INPUT', `${what}有误：${issue ? `${issue.path.map(String).join('.')} ${issue.message}` : ''}`.trim(), { issues: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
}

export async function saveSelfEvaluationEntries(deps: SelfEvaluationSaveDeps, input: EvaluationSaver & { id: number; baseRevision: number; entries: unknown }): Promise<SelfEvaluationDto> {
  const entries = parsed(selfEvaluationEntriesSchema, input.entries, '填报内容') as SelfEvaluationEntries;
  const evaluation = await deps.store.evaluations.getEvaluation(input.id);
  assertSelfEvaluation(evaluation);
  await guardEvaluationSave(deps, { evaluationId: input.id, actor: input.actor ?? null });
  const { document: target } = await deps.store.documents.getDocument(evaluation.documentId, evaluation.targetVersion);
  // Keys are positions in the frozen targets: one that is not there would be silently ignored, so it is refused.
  const known = new Set(indicatorSlots(target).map((s) => s.key));
  const unknownIndicator = Object.keys(entries.indicators).find((k) => !known.has(k));
  const budgets = new Set(budgetSlots(target).map((s) => s.key));
  const unknownBudget = Object.keys(entries.budgets).find((k) => !budgets.has(k));
  if (unknownIndicator || unknownBudget) {
    throw new AppError('BAD_INPUT', `填报内容中的「${unknownIndicator ?? unknownBudget}」不属于这份自评的绩效目标（第 ${evaluation.targetVersion} 版）：请重新载入页面后再填报。`, { key: unknownIndicator ?? unknownBudget });
  }
  await deps.store.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision, entries, by: requireBy(input.by) });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

export async function saveSelfEvaluationReport(deps: SelfEvaluationSaveDeps, input: EvaluationSaver & { id: number; baseRevision: number; report: unknown }): Promise<SelfEvaluationDto> {
  const report = parsed(selfEvaluationReportEditsSchema, input.report, '自评报告内容');
  const evaluation = await deps.store.evaluations.getEvaluation(input.id);
  assertSelfEvaluation(evaluation);
  await guardEvaluationSave(deps, { evaluationId: input.id, actor: input.actor ?? null });
  await deps.store.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision, report, by: requireBy(input.by) });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

export function requireBy(by: string): string {
  const who = by?.trim();
  if (!who) throw new AppError('BAD_INPUT', '请写明填报人。');
  return who;
}
