/**
 * The self-evaluation as a document: the frozen target version with the unit's entries laid over it (actuals,
 * tiers, scores, reasons, budget figures), of kind `project-self-evaluation` or `department-self-evaluation`. The
 * scorer, the report draft and the official tables all read this one document, so what is scored, printed and
 * drafted is the same data. `entriesFromDocument` goes the other way for an imported self-evaluation (seeds 001,
 * 003, 004): its own actuals and stated scores become the entries.
 */
import type { AmountUnit, Budget, Indicator, PerformanceDocument, Project } from '../document/model';
import { fromFen, toFen } from '../money/amount';
import { adjustedBudget } from '../scoring/execution';
import { parseActual } from '../target/parse-actual';
import {
  budgetSlots,
  DEPARTMENT_BUDGET_KEY,
  indicatorSlots,
  scopeOf,
  SOURCE_KEY_PREFIX,
  type BudgetEntry,
  type IndicatorEntry,
  type SelfEvaluationEntries,
} from './entries';

const has = <K extends string>(o: Partial<Record<K, unknown>> | undefined, k: K): boolean => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

function applyIndicator(indicator: Indicator, entry: IndicatorEntry | undefined): Indicator {
  if (!entry) return indicator;
  const out: Indicator = { ...indicator };
  // The same words as the document's own actual keep how its reader understood them (an imported table's reading).
  if (has(entry, 'actual')) out.actual = !entry.actual?.trim() ? null : entry.actual === indicator.actual?.text ? indicator.actual : parseActual(entry.actual);
  if (has(entry, 'tier')) out.tier = entry.tier ?? null;
  if (has(entry, 'score')) out.score = entry.score ?? null;
  if (has(entry, 'deviationReason')) out.deviationReason = entry.deviationReason?.trim() || null;
  return out;
}

function pick(entry: BudgetEntry | undefined, field: keyof BudgetEntry, fallback: number | null | undefined): number | null {
  return entry && has(entry, field) ? (entry[field] ?? null) : (fallback ?? null);
}

function projectBudget(project: Project, entry: BudgetEntry | undefined): Budget {
  const b = project.budget;
  return {
    initial: pick(entry, 'initial', b?.initial ?? project.amount),
    adjustment: b?.adjustment ?? null,
    adjusted: pick(entry, 'adjusted', b?.adjusted),
    spent: pick(entry, 'spent', b?.spent),
    bySource: b?.bySource ?? [],
  };
}

/** 调整数 = 全年预算数 − 年初预算数 (exact, in fen) when a 全年预算数 was entered; else the document's own. */
function adjustmentOf(entry: BudgetEntry | undefined, initial: number | null, stated: number | null, unit: AmountUnit): number | null {
  if (!entry || !has(entry, 'adjusted')) return stated;
  if (entry.adjusted == null || initial == null) return null;
  return fromFen(toFen(entry.adjusted, unit) - toFen(initial, unit), unit);
}

function departmentBudget(doc: PerformanceDocument, entries: SelfEvaluationEntries): Budget {
  const b = doc.budget;
  const unit = doc.amountUnit;
  const total = entries.budgets[DEPARTMENT_BUDGET_KEY];
  const initial = pick(total, 'initial', b?.initial ?? doc.profile?.budgetTotal ?? doc.statedTotal ?? null);
  return {
    initial,
    adjustment: adjustmentOf(total, initial, b?.adjustment ?? null, unit),
    adjusted: pick(total, 'adjusted', b?.adjusted),
    spent: pick(total, 'spent', b?.spent),
    bySource: (b?.bySource ?? []).map((row) => {
      // The 合计 line of a table is the department total: it follows the total's entry.
      const e = /^(合计|总计)$/.test(row.source) ? total : entries.budgets[`${SOURCE_KEY_PREFIX}${row.source}`];
      if (!e) return row;
      const rowInitial = pick(e, 'initial', row.initial);
      return { ...row, initial: rowInitial, adjustment: adjustmentOf(e, rowInitial, row.adjustment, unit), adjusted: pick(e, 'adjusted', row.adjusted), spent: pick(e, 'spent', row.spent), statedExecutionRate: null, statedAdjustmentRate: null };
    }),
    ...(b?.basic !== undefined ? { basic: b.basic } : {}),
    ...(b?.project !== undefined ? { project: b.project } : {}),
  };
}

export function applyEntries(target: PerformanceDocument, entries: SelfEvaluationEntries): PerformanceDocument {
  const at = (key: string) => entries.indicators[key];
  const scope = scopeOf(target);
  const doc: PerformanceDocument = {
    ...target,
    kind: scope === 'project' ? 'project-self-evaluation' : 'department-self-evaluation',
    units: target.units.map((unit, u) => ({
      ...unit,
      projects: unit.projects.map((project, p) => ({
        ...project,
        indicators: project.indicators.map((ind, i) => applyIndicator(ind, at(`u${u}.p${p}.i${i}`))),
        ...(scope === 'project' ? { budget: projectBudget(project, entries.budgets[`u${u}.p${p}`]) } : {}),
      })),
    })),
  };
  if (target.keyTasks) doc.keyTasks = target.keyTasks.map((task, t) => (task.indicators ? { ...task, indicators: task.indicators.map((ind, i) => applyIndicator(ind, at(`t${t}.i${i}`))) } : task));
  if (target.indicators) doc.indicators = target.indicators.map((ind, i) => applyIndicator(ind, at(`d.i${i}`)));
  if (scope === 'department') doc.budget = departmentBudget(target, entries);
  if (entries.goal && has(entries.goal, 'completion')) doc.goalCompletion = entries.goal.completion?.trim() || null;
  return doc;
}

/** The entries an imported self-evaluation already carries: its actuals, stated tiers/scores, reasons, budget. */
export function entriesFromDocument(doc: PerformanceDocument): SelfEvaluationEntries {
  const indicators: Record<string, IndicatorEntry> = {};
  for (const slot of indicatorSlots(doc)) {
    const i = slot.indicator;
    const entry: IndicatorEntry = {};
    if (i.actual) entry.actual = i.actual.text;
    if (i.tier) entry.tier = i.tier;
    // A stated score counts as the evaluator's score only where the actual is not a number (R5); numeric actuals are scored by R3/R4.
    if (i.score != null && i.actual?.value == null) entry.score = i.score;
    if (i.deviationReason) entry.deviationReason = i.deviationReason;
    if (Object.keys(entry).length) indicators[slot.key] = entry;
  }
  const budgets: Record<string, BudgetEntry> = {};
  if (scopeOf(doc) === 'project') {
    doc.units.forEach((unit, u) =>
      unit.projects.forEach((project, p) => {
        const b = project.budget;
        if (b) budgets[`u${u}.p${p}`] = { initial: b.initial, adjusted: adjustedBudget(b, doc.amountUnit), spent: b.spent };
      }),
    );
  } else {
    for (const slot of budgetSlots(doc)) {
      const row = slot.key === DEPARTMENT_BUDGET_KEY ? doc.budget : doc.budget?.bySource.find((r) => `${SOURCE_KEY_PREFIX}${r.source}` === slot.key);
      // 全年预算数 = the stated one, else 年初 + 调整 (exact), so an entry carries what the rate is computed from.
      // (Only when the document states one of them: a line with neither keeps 全年预算数 empty rather than invent it.)
      if (row) budgets[slot.key] = { initial: row.initial, adjusted: row.adjusted != null || row.adjustment != null ? adjustedBudget(row, doc.amountUnit) : null, spent: row.spent };
    }
  }
  const goal = doc.goalCompletion ? { completion: doc.goalCompletion } : null;
  return { indicators, budgets, ...(goal ? { goal } : {}) };
}
