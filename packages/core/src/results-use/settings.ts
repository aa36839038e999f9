/**
 * The settings of the results-use scheme (R11): which suggestion each grade gives for next year's budget, and what
 * open rectification items give. Data, never code, so a district with a fifth grade (广东's 低) or its own wording
 * changes a rule set, not the program.
 */

/** A suggestion for next year's budget: its key, its short label and the advice a person reads. */
export interface BudgetSuggestionRule {
  id: string;
  /** 支持 / 保持 / 改进，可适当压减 / 压减 / 压减或取消 */
  label: string;
  /** The sentence shown beside it: what the budget should do and why. */
  advice: string;
}

/** The results a suggestion is drawn from. */
export type ResultSource = 'evaluation' | 'self-evaluation' | 'review';

export interface ResultsUseSettings {
  /** The suggestions, mildest first: when several results apply, the strictest of their suggestions is given. */
  suggestions: BudgetSuggestionRule[];
  /** Each grade's suggestion (优/良/中/差, a district's 低 …). */
  byGrade: Array<{ grade: string; suggestion: string }>;
  /** Which results count: 财政/部门评价, 绩效自评, 绩效目标审核结论. */
  basis: ResultSource[];
  /** While the project has open rectification items (整改未完成), until they are fixed. */
  openRectification: { suggestion: string };
}
