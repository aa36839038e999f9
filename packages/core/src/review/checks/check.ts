import type { ReviewContext } from '../context';
import type { CheckId, Dimension } from '../types';

/** One review check (review-checks.md): a stable id, its dimension, and a run that reports findings. */
export interface Check {
  id: CheckId;
  dimension: Dimension;
  run(ctx: ReviewContext): void;
}

/**
 * Projects whose indicators are judged as a set. A department document's project list (seed 000 附表2) carries
 * no indicators at all: that is a summary table, not a project without indicators.
 */
export function projectsWithIndicatorSets(ctx: ReviewContext) {
  return ctx.projects.filter(({ project }) => project.indicators.length > 0 || ctx.doc.kind === 'project-targets');
}
