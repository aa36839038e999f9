/**
 * R11: from a project's results — its self-evaluation grade, its target review conclusion and (once evaluations
 * exist) its evaluation grade — and its open rectification items, the suggestion for next year's budget, by the
 * rule set's data. Each result that counts gives its grade's suggestion; the strictest one is the suggestion, and
 * every reason says which result, which grade and which rule gave what, in words. A person always decides
 * (decide.ts): nothing here changes an amount.
 */
import { ruleSetRef, ruleSetTitle, type RuleSet } from '../rules/rule-set';
import type { BudgetSuggestionRule, ResultSource, ResultsUseSettings } from './settings';

/** What the suggestion is drawn from. A grade that is not there yet is null. */
export interface ProjectResults {
  selfEvaluationGrade: string | null;
  reviewConclusion: string | null;
  /** 财政/部门评价 (issue 14 item 4); null until one exists. */
  evaluationGrade: string | null;
  /** The project's rectification items not yet verified as fixed (issue 14 item 2). */
  openRectifications: ReadonlyArray<{ title: string }>;
}

export const RESULT_SOURCE_LABELS: Record<ResultSource, string> = {
  evaluation: '绩效评价等级',
  'self-evaluation': '绩效自评等级',
  review: '绩效目标审核结论',
};

export interface BudgetUseSuggestion {
  /** The suggestion's key; null when there is nothing to suggest from (no result yet). */
  suggestion: string | null;
  label: string | null;
  advice: string | null;
  /** `id@version` of the rule set. */
  rule: string;
  /** The rule set in words with its 文号: 「绩效结果应用（依据中发〔2018〕34号、财预〔2020〕10号）」. */
  ruleTitle: string;
  /** Why, one sentence per result that counted (or why there is no suggestion). */
  reasons: string[];
}

const GRADE_OF: Record<ResultSource, (r: ProjectResults) => string | null> = {
  evaluation: (r) => r.evaluationGrade,
  'self-evaluation': (r) => r.selfEvaluationGrade,
  review: (r) => r.reviewConclusion,
};

/** A suggestion's place from mildest (0) to strictest, -1 when the rule set does not list it. */
export const suggestionRank = (settings: ResultsUseSettings, id: string): number => settings.suggestions.findIndex((s) => s.id === id);

export function suggestionRule(settings: ResultsUseSettings, id: string | null): BudgetSuggestionRule | null {
  return id === null ? null : (settings.suggestions.find((s) => s.id === id) ?? null);
}

export function suggestBudgetUse(results: ProjectResults, ruleSet: RuleSet<ResultsUseSettings>): BudgetUseSuggestion {
  const { settings } = ruleSet;
  const reasons: string[] = [];
  const given: string[] = [];
  for (const source of settings.basis) {
    const grade = GRADE_OF[source](results)?.trim() || null;
    if (grade === null) continue;
    const row = settings.byGrade.find((g) => g.grade === grade);
    const rule = row ? suggestionRule(settings, row.suggestion) : null;
    if (!rule) {
      reasons.push(`${RESULT_SOURCE_LABELS[source]}为「${grade}」，本规则的等级表中没有这一等级，未据此提出建议。`);
      continue;
    }
    reasons.push(`${RESULT_SOURCE_LABELS[source]}为「${grade}」：按规则，「${grade}」建议「${rule.label}」。`);
    given.push(rule.id);
  }
  const open = results.openRectifications.length;
  if (open > 0) {
    const rule = suggestionRule(settings, settings.openRectification.suggestion);
    if (rule) {
      const titles = results.openRectifications.slice(0, 3).map((r) => `「${r.title}」`).join('、');
      reasons.push(`有 ${open} 项整改尚未完成（${titles}${open > 3 ? ' 等' : ''}）：按规则，整改到位前建议「${rule.label}」。`);
      given.push(rule.id);
    }
  }
  const base = { rule: ruleSetRef(ruleSet), ruleTitle: ruleSetTitle(ruleSet) };
  if (given.length === 0) {
    if (reasons.length === 0) reasons.push('尚无绩效自评等级、绩效评价等级或审核结论，暂不能提出预算安排建议。');
    return { ...base, suggestion: null, label: null, advice: null, reasons };
  }
  const strictest = given.reduce((a, b) => (suggestionRank(settings, b) > suggestionRank(settings, a) ? b : a));
  const rule = suggestionRule(settings, strictest)!;
  if (new Set(given).size > 1) reasons.push(`各项结果的建议不同，取其中最严格的「${rule.label}」。`);
  return { ...base, suggestion: rule.id, label: rule.label, advice: rule.advice, reasons };
}
