/**
 * The settings of a target-review rule set. Everything a check decides by — thresholds, word lists,
 * severities, scoring — is here, so a district can change it without touching code.
 */
import type { Level1Key } from '../indicators/levels';
import type { GradeBand } from '../rules/grades';
import type { TargetOutlierSettings } from './benchmarks';
import type { CheckId, Dimension, ScoredDimension, Severity } from './types';

export interface QualitativeAdvice {
  /** Words that mark this kind of vague target (提升, 提高, 增强 …). */
  words: string[];
  /** What to write instead. */
  suggestion: string;
}

export interface SuspectWording {
  /** Literal text that is a known slip. */
  text: string;
  /** What was probably meant. */
  meant: string;
}


export interface ReviewSettings {
  /** Default severity of each check; a check not listed here does not run. */
  severities: Record<CheckId, Severity>;
  /** 一级 every project must have (R2). */
  requiredLevel1: Level1Key[];
  /** Fewest indicators a project should have (R2). */
  minIndicators: number;
  /** Satisfaction targets below this percentage are too low. */
  minSatisfactionTarget: number;
  /** When a target is far from comparable units' (check `target-outlier`); absent in older stored versions: skipped. */
  targetOutlier?: TargetOutlierSettings;
  /** Severity when a level mismatch is seen only in names (no codes written). */
  levelMismatchByNameSeverity: Severity;
  /** Name endings that make an indicator a rate (R2): its target must be a percentage ≤ 100. */
  rateNameEndings: string[];
  /** Name endings that make an indicator a count: its target must be a number of things. */
  countNameEndings: string[];
  /**
   * A 数量指标 whose target is a percentage must name a rate or share with one of these words (率, 比例, 占比, 覆盖面);
   * otherwise the count is written as a percentage. Absent in older stored versions: the check skips this case.
   */
  quantityRateWords?: string[];
  /** Names that measure spending or paying, not results: not an outcome (效益) indicator. */
  processWords: string[];
  /** Names that are about timeliness and belong under 时效. */
  timelinessWords: string[];
  /** Names that are about cost and belong under 成本. */
  costWords: string[];
  /** Advice for vague targets, by the words they use; the last entry is the fallback. */
  qualitativeAdvice: QualitativeAdvice[];
  suspectWordings: SuspectWording[];
  /** Shortest text (characters) compared for copy-paste between projects. */
  duplicateTextMinLength: number;
  /** Shortest phrase (characters) reported when repeated back to back. */
  repeatedPhraseMinLength: number;
  /** Sum the key tasks' weights must reach (R8: 年度主要支出计划 50). */
  keyTaskWeightTotal: number;
  /** Sum a project's indicator weights must reach (R7: 100 − budget execution 10). */
  projectIndicatorWeightTotal: number;
  /** How the six check dimensions count towards the four scored ones. */
  dimensionScoring: Record<Dimension, ScoredDimension>;
  /** Points per scored dimension (25 each by default, 100 in all). */
  pointsPerDimension: number;
  /** Points deducted per finding, by severity. */
  deductions: Record<Severity, number>;
  /** Most points one check may deduct in one dimension, so a single systematic slip does not sink a review. */
  maxDeductionPerCheck: number;
  /** Conclusion bands (R9 uses R7's): highest first. */
  grades: GradeBand[];
}
