/**
 * What a unit enters in a self-evaluation (绩效自评) against its frozen targets: per indicator the actual as written
 * (实际完成值), a qualitative tier and the evaluator's score inside it (R5), the deviation reason — which R3 requires
 * when an indicator is over-completed —; per project (and for a department, per funding source) the 全年预算数 and the
 * 执行数; for a department the tier of 年度目标 (R8). The targets themselves are never part of the entries: they are
 * read from the approved version, so nothing entered here can change them.
 *
 * Every indicator and budget line has a stable key by position in the target version (`u0.p3.i2`, `t1.i0`, `d.i4`,
 * `u0.p3`, `department`, `source:一般公共预算`): the version is frozen, so positions never move.
 */
import type { Indicator, KeyTask, PerformanceDocument, Project, QualitativeTier } from '../document/model';

export interface IndicatorEntry {
  /** 实际完成值 as written (`95%`, `12场`, `年中和年末均达良好`). */
  actual?: string | null;
  /** R5 tier, for a qualitative indicator or an actual that is not a number. */
  tier?: QualitativeTier | null;
  /** The evaluator's score inside the tier's band; the tier's suggestion when empty. */
  score?: number | null;
  /** 偏差原因分析 (and the explanation R3 asks for when the actual overruns the target). */
  deviationReason?: string | null;
}

/** Amounts in the document's `amountUnit`, as typed. */
export interface BudgetEntry {
  /** 年初预算数 (defaults to the amount in the targets). */
  initial?: number | null;
  /** 全年预算数 (after adjustments). */
  adjusted?: number | null;
  /** 全年执行数. */
  spent?: number | null;
}

export interface GoalEntry {
  /** R8: 年度目标 as a qualitative tier. */
  tier?: QualitativeTier | null;
  score?: number | null;
  /** 年度总体目标的实际完成情况 as written. */
  completion?: string | null;
}

export interface SelfEvaluationEntries {
  indicators: Record<string, IndicatorEntry>;
  budgets: Record<string, BudgetEntry>;
  goal?: GoalEntry | null;
}

export const EMPTY_ENTRIES: SelfEvaluationEntries = { indicators: {}, budgets: {} };

/** The department-wide budget line and the prefix of its per-source lines. */
export const DEPARTMENT_BUDGET_KEY = 'department';
export const SOURCE_KEY_PREFIX = 'source:';

export type EvaluationScope = 'project' | 'department';

export function scopeOf(doc: Pick<PerformanceDocument, 'kind'>): EvaluationScope {
  return doc.kind === 'project-targets' || doc.kind === 'project-self-evaluation' ? 'project' : 'department';
}

/** One indicator of the target version, with where it sits, in reading order. */
export interface IndicatorSlot {
  key: string;
  /** Unit name (projects) or key-task name (departments); '部门整体绩效指标' for department-wide indicators. */
  group: string;
  /** Project name, or null for a department's indicators. */
  project: string | null;
  /** The key of the budget line the indicator belongs to (`u0.p3`) or null (departments). */
  budgetKey: string | null;
  indicator: Indicator;
}

export interface BudgetSlot {
  key: string;
  label: string;
  /** The amount the targets give (the project's 金额), for the 年初预算数 default. */
  planned: number | null;
}

export const DEPARTMENT_INDICATORS_GROUP = '部门整体绩效指标';

/** Every indicator of a document in reading order with its stable key. */
export function indicatorSlots(doc: PerformanceDocument): IndicatorSlot[] {
  const slots: IndicatorSlot[] = [];
  doc.units.forEach((unit, u) =>
    unit.projects.forEach((project, p) =>
      project.indicators.forEach((indicator, i) => slots.push({ key: `u${u}.p${p}.i${i}`, group: unit.name, project: project.name, budgetKey: `u${u}.p${p}`, indicator })),
    ),
  );
  (doc.keyTasks ?? []).forEach((task, t) =>
    (task.indicators ?? []).forEach((indicator, i) => slots.push({ key: `t${t}.i${i}`, group: task.name, project: null, budgetKey: null, indicator })),
  );
  (doc.indicators ?? []).forEach((indicator, i) => slots.push({ key: `d.i${i}`, group: DEPARTMENT_INDICATORS_GROUP, project: null, budgetKey: null, indicator }));
  return slots;
}

/** Every budget line a unit fills: one per project; for a department the total and each funding source. */
export function budgetSlots(doc: PerformanceDocument): BudgetSlot[] {
  if (scopeOf(doc) === 'project') {
    return doc.units.flatMap((unit, u) => unit.projects.map((project: Project, p) => ({ key: `u${u}.p${p}`, label: project.name, planned: project.budget?.initial ?? project.amount })));
  }
  const total = doc.budget ?? null;
  const sources = (doc.budget?.bySource ?? []).filter((r) => !/^(合计|总计)$/.test(r.source));
  return [
    { key: DEPARTMENT_BUDGET_KEY, label: '部门整体支出（合计）', planned: total?.initial ?? doc.profile?.budgetTotal ?? doc.statedTotal ?? null },
    ...sources.map((r) => ({ key: `${SOURCE_KEY_PREFIX}${r.source}`, label: r.source, planned: r.initial })),
  ];
}

/** The key tasks scored under R8: those with key indicators; a target document whose indicators are department-wide gets one group holding them. */
export function scoredTasks(doc: PerformanceDocument): KeyTask[] {
  const withIndicators = (doc.keyTasks ?? []).filter((t) => (t.indicators?.length ?? 0) > 0);
  if (withIndicators.length || !(doc.indicators?.length ?? 0)) return withIndicators;
  return [{ name: DEPARTMENT_INDICATORS_GROUP, content: null, funds: null, expected: null, projects: [], indicators: doc.indicators ?? [] }];
}
