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

/**
 * What of the document a reader says was cut off (`document-incomplete`, packages/formats): a project the problem
 * names, or — when it names none — the last project and the last key task, where reading stopped. Checks that
 * judge a whole set (all 一级 present, weights adding up) cannot judge a cut-off one: they say so as info.
 */
export interface CutOff {
  project(name: string): boolean;
  keyTask(name: string): boolean;
  /** Some part of the document is missing, so document-wide sums (the key tasks' weights) cannot be judged. */
  any: boolean;
  /** Why, for the message. */
  reason: string;
}

export function cutOff(ctx: ReviewContext): CutOff {
  const problems = ctx.doc.problems.filter((p) => p.code === 'document-incomplete');
  const named = new Set(problems.map((p) => p.location.project).filter((n): n is string => !!n));
  const atEnd = problems.some((p) => !p.location.project);
  const lastProject = ctx.projects.at(-1)?.project.name;
  const lastTask = ctx.doc.keyTasks?.at(-1)?.name;
  return {
    project: (name) => named.has(name) || (atEnd && name === lastProject),
    keyTask: (name) => atEnd && name === lastTask,
    any: problems.length > 0,
    reason: problems[0]?.message ?? '',
  };
}

/** The words a finding on a cut-off part adds: not an error, look at the whole document. */
export function cutOffNote(c: CutOff): string {
  return `文档不完整（${c.reason || '读取时发现内容中断'}），未读到的部分不作判断：请对照完整文件核对`;
}
