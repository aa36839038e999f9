import type { ReviewContext } from '../context';
import type { FindingLocation } from '../types';

/** Every piece of prose in a document a person wrote, with where it is — for the wording checks. */
export function listTexts(ctx: ReviewContext): Array<{ location: FindingLocation; text: string }> {
  const out: Array<{ location: FindingLocation; text: string }> = [];
  const push = (location: FindingLocation, text: string | null | undefined) => {
    if (text) out.push({ location, text });
  };
  const { doc } = ctx;
  push({ field: '总体绩效目标' }, doc.profile?.overallGoal);
  push({ field: '年度目标' }, doc.goalText);
  for (const { unit, project } of ctx.projects) {
    push({ unit: unit.name, project: project.name, field: '绩效目标' }, project.goal);
    push({ unit: unit.name, project: project.name, field: '项目情况简介' }, project.description);
  }
  for (const task of doc.keyTasks ?? []) {
    push({ keyTask: task.name, field: '主要实施内容' }, task.content);
    push({ keyTask: task.name, field: '预期目标' }, task.expected);
  }
  for (const site of ctx.sites) {
    const base: FindingLocation = { indicator: site.indicator.no, indicatorName: site.indicator.name };
    if (site.unit) base.unit = site.unit.name;
    if (site.project) base.project = site.project.name;
    if (site.keyTask) base.keyTask = site.keyTask.name;
    push({ ...base, field: '指标名称' }, site.indicator.name);
    push({ ...base, field: '指标解释' }, site.indicator.explanation);
    push({ ...base, field: '说明及公式' }, site.indicator.formula);
    push({ ...base, field: '年度指标值' }, site.indicator.annualTarget?.text);
    push({ ...base, field: '实施周期指标值' }, site.indicator.periodTarget?.text);
  }
  return out;
}
