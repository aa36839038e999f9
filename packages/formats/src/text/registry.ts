import { compactProjectTable } from './compact-project-table';
import { departmentTargetReview } from '../review-opinion/read-text';
import { departmentSelfEvaluationTable } from '../department-self-evaluation-table/read-text';
import { departmentSelfEvaluationReport } from '../self-evaluation-report/read-text';
import type { TextLayout } from './layout';

/**
 * The text layouts we understand. Adding a layout is one module and one line here. When two layouts claim a
 * text equally, the earlier one wins.
 */
export const TEXT_LAYOUTS: readonly TextLayout[] = [compactProjectTable, departmentTargetReview, departmentSelfEvaluationTable, departmentSelfEvaluationReport];

/** The layout that recognises the text best, or undefined when none is at least half sure. */
export function pickTextLayout(text: string, layouts: readonly TextLayout[] = TEXT_LAYOUTS): TextLayout | undefined {
  let best: { layout: TextLayout; score: number } | undefined;
  for (const layout of layouts) {
    const score = layout.detect(text);
    if (score > 0.5 && (!best || score > best.score)) best = { layout, score };
  }
  return best?.layout;
}
