/**
 * Saves what a unit entered (actuals, tiers, reasons, budget figures) or its edits of the 自评报告 — on the revision
 * it started from, or not at all: a stale save gets CONFLICT naming who saved last (the store checks it in one
 * statement). Entries are parsed by the contract first, so nothing malformed is stored. The workflow is asked
 * first (`guardEvaluationSave`): a submitted or done self-evaluation, a locked year or a person who may not edit it
 * is refused. The save and its audit entry (the evaluation before and after) are one transaction.
 */
import { selfEvaluationEntriesSchema, selfEvaluationReportEditsSchema, type SelfEvaluationDto } from '@jixiao/contract';
import { indicatorSlots, budgetSlots, type SelfEvaluationEntries } from '@jixiao/core';
import { changedBy, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { saveEvaluationChange } from '../workflow/evaluation-save';
import { assertSelfEvaluation, loadSelfEvaluation, toSelfEvaluationDto } from './self-evaluation-state';

/** What a save names: the evaluation, the revision it started from, and optionally the name kept as who saved. */
interface SaveInput {
  id: number;
  baseRevision: number;
  by?: string;
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('BAD_INPUT', `${what}有误：${issue ? `${issue.path.map(String).join('.')} ${issue.message}` : ''}`.trim(), { issues: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
}

export async function saveSelfEvaluationEntries(deps: CommandDeps, who: ChangeContext, input: SaveInput & { entries: unknown }): Promise<SelfEvaluationDto> {
  const entries = parsed(selfEvaluationEntriesSchema, input.entries, '填报内容') as SelfEvaluationEntries;
  const by = requireBy(input.by ?? changedBy(who));
  await saveEvaluationChange(deps, who, { evaluationId: input.id, verb: 'save', expect: assertSelfEvaluation }, async (tx, evaluation) => {
    const { document: target } = await tx.documents.getDocument(evaluation.documentId, evaluation.targetVersion);
    // Keys are positions in the frozen targets: one that is not there would be silently ignored, so it is refused.
    const known = new Set(indicatorSlots(target).map((s) => s.key));
    const unknownIndicator = Object.keys(entries.indicators).find((k) => !known.has(k));
    const budgets = new Set(budgetSlots(target).map((s) => s.key));
    const unknownBudget = Object.keys(entries.budgets).find((k) => !budgets.has(k));
    if (unknownIndicator || unknownBudget) {
      const key = unknownIndicator ?? unknownBudget;
      throw new AppError('BAD_INPUT', `填报内容中的「${key}」不属于这份自评的绩效目标（第 ${evaluation.targetVersion} 版）：请重新载入页面后再填报。`, { key });
    }
    await tx.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision, entries, by });
  });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

export async function saveSelfEvaluationReport(deps: CommandDeps, who: ChangeContext, input: SaveInput & { report: unknown }): Promise<SelfEvaluationDto> {
  const report = parsed(selfEvaluationReportEditsSchema, input.report, '自评报告内容');
  const by = requireBy(input.by ?? changedBy(who));
  await saveEvaluationChange(deps, who, { evaluationId: input.id, verb: 'save-report', expect: assertSelfEvaluation }, async (tx) => {
    await tx.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision, report, by });
  });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}

export function requireBy(by: string): string {
  const who = by?.trim();
  if (!who) throw new AppError('BAD_INPUT', '请写明填报人。');
  return who;
}
