/**
 * The 自评 editor's pure part: the entries as the page edits them (immutable updates of one line), the live score
 * (the frozen targets with the entries laid over them, scored by the core with the rule set the server named — the
 * same functions the server keeps scores with) and the figures the score bar shows for the chosen project or the
 * department.
 */
import {
  applyEntries,
  budgetSlots,
  indicatorSlots,
  projectTotal,
  scopeOf,
  scoredLinesByKey,
  scoreSelfEvaluation,
  type BudgetEntry,
  type BudgetSlot,
  type IndicatorEntry,
  type IndicatorSlot,
  type PerformanceDocument,
  type QualitativeTier,
  type ScoredLine,
  type SelfEvaluationEntries,
  type SelfEvaluationScore,
} from '@jixiao/core';
import type { SelfEvaluationDto } from './api';

/** The editable copy of a self-evaluation: its entries as the server stored them. */
export const entriesOf = (dto: SelfEvaluationDto): SelfEvaluationEntries => dto.entries as SelfEvaluationEntries;

export function withIndicatorEntry(entries: SelfEvaluationEntries, key: string, patch: IndicatorEntry): SelfEvaluationEntries {
  return { ...entries, indicators: { ...entries.indicators, [key]: { ...entries.indicators[key], ...patch } } };
}

export function withBudgetEntry(entries: SelfEvaluationEntries, key: string, patch: BudgetEntry): SelfEvaluationEntries {
  return { ...entries, budgets: { ...entries.budgets, [key]: { ...entries.budgets[key], ...patch } } };
}

/** The department's R8 tier; a typed score no longer applies once a tier is chosen. */
export function withGoalTier(entries: SelfEvaluationEntries, tier: QualitativeTier | null): SelfEvaluationEntries {
  return { ...entries, goal: { ...entries.goal, tier, score: null } };
}

export interface LiveScore {
  target: PerformanceDocument;
  document: PerformanceDocument;
  score: SelfEvaluationScore;
  lines: Map<string, ScoredLine>;
  slots: IndicatorSlot[];
}

export function liveScoreOf(dto: SelfEvaluationDto, entries: SelfEvaluationEntries): LiveScore {
  const target = dto.target as PerformanceDocument;
  const document = applyEntries(target, entries);
  const score = scoreSelfEvaluation(document, entries.goal, dto.ruleSet.value);
  return { target, document, score, lines: scoredLinesByKey(document, score), slots: indicatorSlots(target) };
}

/** What the score bar shows: the chosen project's figures, or the department's. */
export interface ScoreSummary {
  rate: number | null;
  execution: number | null;
  total: number | null;
  grade: string | null;
  notes: string[];
}

export function summaryOf(score: SelfEvaluationScore, project: string | undefined): ScoreSummary | undefined {
  if (score.scope === 'department') {
    return { rate: score.department.spendingProgress.rate, execution: score.department.spendingProgress.score, total: score.total, grade: score.grade, notes: score.department.differences };
  }
  const selected = score.projects.find((p) => p.key === project);
  return selected && { rate: selected.score.execution.rate, execution: selected.score.execution.score, total: projectTotal(selected.score), grade: selected.score.grade, notes: selected.score.notes };
}

/** The projects to choose from (a department's self-evaluation has none: it is scored as a whole). */
export function projectOptions(score: SelfEvaluationScore): { value: string; label: string }[] {
  return score.scope === 'project' ? score.projects.map((p) => ({ value: p.key, label: p.project })) : [];
}

/** The indicator and budget lines the form shows: the chosen project's, or all of a department's. */
export function visibleLines(live: LiveScore, project: string | undefined): { slots: IndicatorSlot[]; budgets: BudgetSlot[] } {
  const byProject = live.score.scope === 'project';
  const department = scopeOf(live.target) === 'department';
  return {
    slots: byProject ? live.slots.filter((s) => s.budgetKey === project) : live.slots,
    budgets: budgetSlots(live.target).filter((b) => department || b.key === project),
  };
}
