/**
 * Review findings (review-checks.md): what a check says about a target, where, why and what to write instead.
 * A finding never changes the data.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The dimension a check belongs to. The four 88号 dimensions are scored; 数据勾稽 and 文字 count under one of them (settings). */
export type Dimension = 'completeness' | 'relevance' | 'appropriateness' | 'feasibility' | 'consistency' | 'wording';
export type ScoredDimension = 'completeness' | 'relevance' | 'appropriateness' | 'feasibility';

export const DIMENSION_LABELS: Record<Dimension, string> = {
  completeness: '完整性',
  relevance: '相关性',
  appropriateness: '适当性',
  feasibility: '可行性',
  consistency: '数据勾稽',
  wording: '文字',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export type CheckId =
  | 'missing-level1'
  | 'too-few-indicators'
  | 'level-mismatch'
  | 'missing-target'
  | 'missing-annual-target'
  | 'missing-goal-text'
  | 'qualitative-target'
  | 'unparseable-target'
  | 'unit-mismatch'
  | 'rate-over-100'
  | 'annual-period-differ'
  | 'low-satisfaction-target'
  | 'process-as-outcome'
  | 'misfiled-indicator'
  | 'duplicate-indicator-set'
  | 'goal-text-duplicated'
  | 'indicator-unrelated'
  | 'repeated-phrase'
  | 'suspect-wording'
  | 'sum-mismatch'
  | 'rate-mismatch'
  | 'weight-sum'
  | 'target-conflict'
  | 'target-outlier';

/** Short Chinese names of the checks, for tables and filters. */
export const CHECK_LABELS: Record<CheckId, string> = {
  'missing-level1': '一级指标不全',
  'too-few-indicators': '指标数量偏少',
  'level-mismatch': '指标层级不符',
  'missing-target': '缺少指标值',
  'missing-annual-target': '缺少年度指标值',
  'missing-goal-text': '缺少绩效目标',
  'qualitative-target': '目标值未量化',
  'unparseable-target': '指标值无法识别',
  'unit-mismatch': '计量单位不符',
  'rate-over-100': '比率超过100%',
  'annual-period-differ': '年度与实施周期指标值不一致',
  'low-satisfaction-target': '满意度目标偏低',
  'process-as-outcome': '以过程指标代替效益指标',
  'misfiled-indicator': '指标归类不当',
  'duplicate-indicator-set': '指标照搬',
  'goal-text-duplicated': '目标或简介雷同',
  'indicator-unrelated': '指标与项目关联弱',
  'repeated-phrase': '语句重复',
  'suspect-wording': '疑似笔误',
  'sum-mismatch': '合计不符',
  'rate-mismatch': '比率计算不符',
  'weight-sum': '权重合计不符',
  'target-conflict': '前后数据不一致',
  'target-outlier': '指标值偏离同类单位',
};

export interface FindingLocation {
  unit?: string;
  project?: string;
  /** 1-based number of the indicator in its project (or in the department's list). */
  indicator?: number;
  /** Indicator name, so a person can find it without counting. */
  indicatorName?: string;
  keyTask?: string;
  /** Which part of the document: 绩效目标, 项目情况简介, 年度指标值, 部门资金情况 … */
  field?: string;
}

export interface Finding {
  /** Stable across runs for the same problem in the same place: used to remember a reviewer's dismissal. */
  key: string;
  check: CheckId;
  severity: Severity;
  dimension: Dimension;
  location: FindingLocation;
  /** What is wrong, in plain Chinese for a 街道 finance officer. */
  message: string;
  /** What to write instead. */
  suggestion: string;
  /** The words or figures the finding is about, as the document states them. */
  evidence: string;
  /** `id@version` of the rule set whose settings produced the finding. */
  rule: string;
}
