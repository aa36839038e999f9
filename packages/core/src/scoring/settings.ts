/**
 * Settings of the self-evaluation and monitoring rule sets (rules.md R3–R8, R10). Every number is a setting: the
 * national texts leave most of them to localities (research-rules.md §7).
 */
import type { QualitativeTier } from '../document/model';
import type { GradeBand } from '../rules/grades';

/** A score band of a qualitative tier, as fractions of the weight: [min, max), max inclusive only for 达成. */
export interface TierBand {
  min: number;
  max: number;
  /** Pre-filled suggestion, as a fraction of the weight (R5: 100% / 70% / 30%). */
  suggested: number;
  label: string;
}

export interface ExecutionStep {
  /** Lowest execution rate (percent, inclusive) for this step. */
  minRate: number;
  /** Fraction of the execution weight. */
  fraction: number;
}

export interface TotalCap {
  /** Execution rates from (inclusive) … */
  fromRate: number;
  /** … below this one. */
  belowRate: number;
  /** cap the total at this. */
  maxTotal: number;
}

export interface IndicatorScoringSettings {
  /** R3: `>` targets count as met when the actual equals the target. */
  greaterThanMetAtEqual: boolean;
  /** R4: how a lower-is-better indicator loses points above its target. */
  lowerIsBetter: 'linear-to-zero-at-2T' | 'ratio';
  /** R3: an actual at or above this multiple of the target is an overrun needing an explanation. */
  overrunFactor: number;
  /** R5: qualitative tiers. */
  tiers: Record<QualitativeTier, TierBand>;
}

export interface ProjectScoringSettings extends IndicatorScoringSettings {
  /** R7: points of budget execution and of each 一级 (财预〔2020〕10号: 10 / 50 / 30 / 10). */
  weights: { execution: number; output: number; outcome: number; satisfaction: number; cost: number };
  /** R6: proportional (min(rate,100)/100 × W) or steps. */
  execution: { mode: 'proportional' } | { mode: 'steps'; steps: ExecutionStep[] };
  /** R7: where the 满意度 points go when a project has no 满意度 indicator. */
  noSatisfaction: 'pro-rata' | 'split-even';
  /** Optional local rule: cap the total by execution rate. Empty = no caps. */
  totalCaps: TotalCap[];
  /** Optional local rule: deduct points from an indicator whose actual deviates from target by more than a share. */
  deviationDeduction: { thresholdPercent: number; points: number } | null;
  grades: GradeBand[];
  /**
   * A stated 得分 agrees with the computed one when it differs by at most this, or by half a unit of its own last
   * written decimal (a unit writing whole points, 17 for 16.7, agrees). Absent in older stored versions: 0.01.
   */
  statedScoreTolerance?: number;
  /** Execution rates reported as out of range: above `high` (spent more than the budget) or below `low` (%). */
  executionRateRange?: ExecutionRateRange;
}

export interface ExecutionRateRange {
  low: number;
  high: number;
}

export interface DepartmentScoringSettings extends IndicatorScoringSettings {
  /** R8 (seed 003's scheme): 部门支出进度 30 + 年度目标 20 + 年度主要支出计划 50. */
  weights: { spendingProgress: number; annualGoal: number; keyTasks: number };
  /** How 部门支出进度 is scored (not published; default proportional to the execution rate). */
  spendingProgress: { mode: 'proportional' } | { mode: 'steps'; steps: ExecutionStep[] };
  grades: GradeBand[];
  /** As in ProjectScoringSettings: 部门支出进度 rates reported as out of range. */
  executionRateRange?: ExecutionRateRange;
}

export type Light = 'red' | 'yellow' | 'green' | 'blue';

export interface MonitoringSettings {
  /** Default cut-off month (R10: 7, i.e. 1–7月). */
  defaultCutoffMonth: number;
  /** Budget light by execution ratio (execution rate ÷ time progress × 100): below red → red, below yellow → yellow. */
  budgetLights: { red: number; yellow: number };
  /** Cumulative indicators by actual ÷ prorated target (%): < red → red, < yellow → yellow, ≥ blue → blue, else green. */
  indicatorLights: { red: number; yellow: number; blue: number };
  /** 偏差原因 options (财预〔2019〕136号). */
  deviationReasons: string[];
  /** 完成可能性 options. */
  likelihoods: string[];
  /** 纠偏措施 options (several may be chosen). */
  measures: string[];
  /** A non-green line also needs a written explanation (原因说明) beside the chosen reason. */
  explanationRequired: boolean;
  /** How each indicator is compared at the cut-off month (R10); the owner of a line may override the proration. */
  indicatorModes: MonitoringIndicatorModes;
  /** Warnings raised when a report is submitted (issue 14 item 8); absent in cn-monitoring@1 and copies made from it. */
  warnings?: MonitoringWarningSettings;
}

/** 预警 (issue 14 item 8): thresholds by month, the gap between target progress and execution, the unit's response. */
export interface MonitoringWarningSettings {
  /** Cumulative execution (1–m月执行数 ÷ 全年预算数) must reach `minRate` % by the end of `month`; the latest floor at or before the cut-off month applies. */
  executionFloors: Array<{ month: number; minRate: number }>;
  /** Target progress (completed ÷ annual target of a project's cumulative indicators, averaged) and execution further apart than this many points → warning. */
  progressGap: number;
  /** Working days (Mon–Fri, Beijing) the unit has to respond. */
  responseWorkingDays: number;
  /** What the unit may answer: 继续执行 / 调剂 / 取消. */
  responses: string[];
}

export interface MonitoringIndicatorModes {
  /** 二级 (by key) compared as met (green) or not (red) against the annual target, never prorated: 质量 / 时效 / 成本. */
  inRangeLevel2: string[];
  /** 一级 (by key) of indicators that only happen at year end (surveys): compared with the whole target, not prorated. */
  yearEndLevel1: string[];
  /** Words in the name that mark a year-end indicator wherever it is filed (older templates file 满意度 under 效益). */
  yearEndNameWords: string[];
  /** Units of indicators that state a proportion rather than a cumulative count (`%`): not prorated. */
  notProratedUnits: string[];
}
