import type { Indicator } from '../../document/model';
import type { IndicatorSite, ReviewContext } from '../context';
import type { FindingLocation } from '../types';

/** Who wrote a text: the document, a project (with its unit), a key task, or an indicator (with where it sits). */
export type TextOwner =
  | { kind: 'document' }
  | { kind: 'project'; unit: string; project: string }
  | { kind: 'task'; task: string }
  | { kind: 'indicator'; site: IndicatorSite };

/**
 * Calls `visit` for every piece of prose a person wrote in the document, with its field and owner; a check builds
 * the location (`textLocation`) only when it reports something. No closure is made per text: a district's year has
 * millions of them.
 */
export function forEachText(ctx: ReviewContext, visit: (text: string, field: string, owner: TextOwner) => void): void {
  const { doc } = ctx;
  const documentOwner: TextOwner = { kind: 'document' };
  if (doc.profile?.overallGoal) visit(doc.profile.overallGoal, '总体绩效目标', documentOwner);
  if (doc.goalText) visit(doc.goalText, '年度目标', documentOwner);
  for (const { unit, project } of ctx.projects) {
    if (!project.goal && !project.description) continue;
    const owner: TextOwner = { kind: 'project', unit: unit.name, project: project.name };
    if (project.goal) visit(project.goal, '绩效目标', owner);
    if (project.description) visit(project.description, '项目情况简介', owner);
  }
  for (const task of doc.keyTasks ?? []) {
    const owner: TextOwner = { kind: 'task', task: task.name };
    if (task.content) visit(task.content, '主要实施内容', owner);
    if (task.expected) visit(task.expected, '预期目标', owner);
  }
  for (const site of ctx.sites) {
    const owner: TextOwner = { kind: 'indicator', site };
    const i: Indicator = site.indicator;
    visit(i.name, '指标名称', owner);
    if (i.explanation) visit(i.explanation, '指标解释', owner);
    if (i.formula) visit(i.formula, '说明及公式', owner);
    if (i.annualTarget?.text) visit(i.annualTarget.text, '年度指标值', owner);
    if (i.periodTarget?.text) visit(i.periodTarget.text, '实施周期指标值', owner);
  }
}

export function textLocation(field: string, owner: TextOwner): FindingLocation {
  switch (owner.kind) {
    case 'document':
      return { field };
    case 'project':
      return { unit: owner.unit, project: owner.project, field };
    case 'task':
      return { keyTask: owner.task, field };
    case 'indicator': {
      const { site } = owner;
      const location: FindingLocation = { indicator: site.indicator.no, indicatorName: site.indicator.name, field };
      if (site.unit) location.unit = site.unit.name;
      if (site.project) location.project = site.project.name;
      if (site.keyTask) location.keyTask = site.keyTask.name;
      return location;
    }
  }
}
