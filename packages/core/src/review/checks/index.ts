import { annualPeriodDiffer } from './annual-period-differ';
import type { CheckId } from '../types';
import type { Check } from './check';
import { duplicateIndicatorSet } from './duplicate-indicator-set';
import { goalTextDuplicated } from './goal-text-duplicated';
import { indicatorUnrelated } from './indicator-unrelated';
import { levelMismatch } from './level-mismatch';
import { lowSatisfactionTarget } from './low-satisfaction-target';
import { misfiledIndicator } from './misfiled-indicator';
import { missingAnnualTarget } from './missing-annual-target';
import { missingGoalText } from './missing-goal-text';
import { missingLevel1 } from './missing-level1';
import { missingTarget } from './missing-target';
import { processAsOutcome } from './process-as-outcome';
import { qualitativeTarget } from './qualitative-target';
import { rateMismatch } from './rate-mismatch';
import { rateOver100 } from './rate-over-100';
import { repeatedPhrase } from './repeated-phrase';
import { sumMismatch } from './sum-mismatch';
import { suspectWording } from './suspect-wording';
import { targetConflict } from './target-conflict';
import { targetOutlier } from './target-outlier';
import { tooFewIndicators } from './too-few-indicators';
import { unitMismatch } from './unit-mismatch';
import { unparseableTarget } from './unparseable-target';
import { weightSum } from './weight-sum';

export type { Check } from './check';

/** Every check of review-checks.md, in the order findings are listed: completeness first, wording last. */
export const CHECKS: readonly Check[] = [
  missingLevel1,
  tooFewIndicators,
  levelMismatch,
  missingTarget,
  missingAnnualTarget,
  missingGoalText,
  qualitativeTarget,
  unparseableTarget,
  unitMismatch,
  rateOver100,
  annualPeriodDiffer,
  lowSatisfactionTarget,
  targetOutlier,
  processAsOutcome,
  misfiledIndicator,
  duplicateIndicatorSet,
  goalTextDuplicated,
  indicatorUnrelated,
  repeatedPhrase,
  suspectWording,
  sumMismatch,
  rateMismatch,
  weightSum,
  targetConflict,
];

/** Every check id, in the table's order: the one list the contract's enum, the pages and the tests read. */
export const CHECK_IDS: readonly CheckId[] = CHECKS.map((c) => c.id);
