/**
 * Next year from last year (结转, issue 13 item 6): approved targets of year N become the draft of year N+1. What
 * carries over is what a unit would keep — units, projects, goals, key tasks, every indicator with its levels, target
 * value and direction; what is cleared is what belongs to year N alone — its actuals, scores, completion notes, the
 * reader's notes about last year's file and, unless asked to keep them, the amounts (a new budget is decided anew).
 * The draft is then reviewed like any other: nothing here decides that last year's targets are still right.
 */
import type { Actor } from '../access/actor';
import { can } from '../access/permissions';
import type { Refusal } from '../workflow/refusal';
import { refuse } from '../workflow/refusal';
import { TARGET_STATUS_LABELS, type TargetWorkflowState } from '../workflow/target-workflow';
import type { BudgetUnit, Indicator, KeyTask, PerformanceDocument, Project } from './model';

export interface RolloverOptions {
  toYear: number;
  /** Keep last year's amounts (by source, per unit and in total) as the starting point; default: cleared. */
  keepAmounts: boolean;
}

/**
 * May this actor roll these targets over? Whoever may import for the department (next year's draft is a new document
 * of it), once the targets were approved: a draft or a document in review is not yet what the unit committed to.
 */
export function decideRollover(state: TargetWorkflowState, actor: Actor): { ok: true; version: number } | Refusal {
  if (!can(actor, 'document.import', { departmentId: state.departmentId })) {
    return refuse('FORBIDDEN', '只有本部门的单位填报人（或管理员）可以把绩效目标结转到下一年度。');
  }
  if (state.approvedVersion === null) {
    return refuse('CONFLICT', `只有已批复的绩效目标可以结转到下一年度；这份目标当前为「${TARGET_STATUS_LABELS[state.status]}」，请在批复后再结转。`);
  }
  return { ok: true, version: state.approvedVersion };
}

/** The layout a rolled-over draft names as its source (its file is last year's document, not a file read). */
export const ROLLOVER_LAYOUT = 'jixiao/rollover';

function indicatorForNextYear(i: Indicator): Indicator {
  const { actual: _actual, tier: _tier, score: _score, deviationReason: _reason, ...kept } = i;
  return structuredClone(kept);
}

function projectForNextYear(p: Project, keepAmounts: boolean): Project {
  const { budget: _budget, goalCompletion: _completion, statedScore: _score, statedGrade: _grade, ...kept } = p;
  return {
    ...structuredClone(kept),
    amount: keepAmounts ? p.amount : null,
    funding: keepAmounts ? { ...p.funding } : { fiscal: null, specialAccount: null, other: null },
    indicators: p.indicators.map(indicatorForNextYear),
  };
}

function unitForNextYear(u: BudgetUnit, keepAmounts: boolean): BudgetUnit {
  return { ...structuredClone(u), statedAmount: keepAmounts ? u.statedAmount : null, projects: u.projects.map((p) => projectForNextYear(p, keepAmounts)) };
}

function taskForNextYear(t: KeyTask, keepAmounts: boolean): KeyTask {
  const { completion: _completion, statedScore: _score, ...kept } = t;
  const task: KeyTask = { ...structuredClone(kept), funds: keepAmounts ? t.funds : null };
  if (t.indicators) task.indicators = t.indicators.map(indicatorForNextYear);
  if (t.projectLines) task.projectLines = t.projectLines.map((l) => ({ name: l.name, amount: keepAmounts ? l.amount : null }));
  if (!keepAmounts) delete task.statedProjectTotal;
  return task;
}

/** The draft of `toYear` from approved targets; refused for a self-evaluation document or a year not after the document's. */
export function rolloverTargets(doc: PerformanceDocument, options: RolloverOptions): { ok: true; document: PerformanceDocument } | Refusal {
  if (doc.kind !== 'project-targets' && doc.kind !== 'department-targets') {
    return refuse('BAD_INPUT', '只有绩效目标（项目支出绩效目标表、部门整体绩效目标）可以结转到下一年度；自评材料不能结转。');
  }
  if (!Number.isInteger(options.toYear) || options.toYear < 1990 || options.toYear > 2100) {
    return refuse('BAD_INPUT', `结转年度 ${String(options.toYear)} 无效：应为四位年份，例如 ${(doc.year ?? 2025) + 1}。`);
  }
  if (doc.year !== null && options.toYear <= doc.year) {
    return refuse('BAD_INPUT', `这份目标是 ${doc.year} 年度的，只能结转到以后的年度（例如 ${doc.year + 1}），不能结转到 ${options.toYear} 年度。`);
  }
  const { keepAmounts } = options;
  const next: PerformanceDocument = {
    format: doc.format,
    kind: doc.kind,
    department: doc.department,
    year: options.toYear,
    amountUnit: doc.amountUnit,
    statedTotal: keepAmounts ? doc.statedTotal : null,
    units: doc.units.map((u) => unitForNextYear(u, keepAmounts)),
    problems: [],
    source: { file: doc.source?.file ?? null, sha256: doc.source?.sha256 ?? null, layout: ROLLOVER_LAYOUT },
  };
  if (doc.keyTasks) next.keyTasks = doc.keyTasks.map((t) => taskForNextYear(t, keepAmounts));
  if (doc.indicators) next.indicators = doc.indicators.map(indicatorForNextYear);
  if (doc.profile) {
    next.profile = structuredClone(doc.profile);
    if (!keepAmounts) {
      for (const key of ['budgetTotal', 'basicExpenditure', 'projectExpenditure'] as const) if (key in next.profile) next.profile[key] = null;
      delete next.profile.statedFigures;
    }
  }
  if (doc.goalText !== undefined) next.goalText = doc.goalText;
  if (keepAmounts && doc.budget) {
    // The plan carries over; what was adjusted and spent in year N does not.
    next.budget = { initial: doc.budget.adjusted ?? doc.budget.initial, adjustment: null, adjusted: null, spent: null, bySource: doc.budget.bySource.map((r) => ({ source: r.source, initial: r.adjusted ?? r.initial, adjustment: null, adjusted: null, spent: null, statedExecutionRate: null, statedAdjustmentRate: null })) };
    if (doc.budget.basic !== undefined) next.budget.basic = doc.budget.basic;
    if (doc.budget.project !== undefined) next.budget.project = doc.budget.project;
  }
  return { ok: true, document: next };
}
