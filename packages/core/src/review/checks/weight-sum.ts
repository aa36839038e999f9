import { compareSum } from '../tolerance';
import { cutOff, cutOffNote, type Check } from './check';

/**
 * 勾稽: weights add up — a key task's indicator weights to the task's weight, the key tasks' weights to the
 * part of the scheme they fill (R8: 年度主要支出计划 50), and a project's indicator weights to the points left after
 * budget execution (R7: 100 − 10).
 */
export const weightSum: Check = {
  id: 'weight-sum',
  dimension: 'consistency',
  run(ctx) {
    const unit = ctx.doc.amountUnit;
    const tasks = ctx.doc.keyTasks ?? [];
    // Weights of a part the file breaks off in may continue on pages not read: info, with the reason.
    const cut = cutOff(ctx);
    const asCut = (isCut: boolean, message: string) => (isCut ? { severity: 'info' as const, message: `${message}${cutOffNote(cut)}。` } : { message });
    for (const task of tasks) {
      const weights = (task.indicators ?? []).map((i) => i.weight).filter((w): w is number => w != null);
      if (task.weight == null || weights.length === 0) continue;
      const c = compareSum(weights, task.weight, unit);
      if (c.withinRounding) continue;
      ctx.report({
        check: 'weight-sum',
        dimension: 'consistency',
        location: { keyTask: task.name, field: '权重' },
        ...asCut(cut.keyTask(task.name), `任务「${task.name}」各关键指标的权重之和为 ${c.sum}，与任务权重 ${task.weight} 不一致。`),
        suggestion: '调整各指标权重，使之合计等于该任务的权重。',
        evidence: `${weights.join(' + ')} = ${c.sum}；任务权重 ${task.weight}`,
      });
    }
    const taskWeights = tasks.map((t) => t.weight).filter((w): w is number => w != null);
    if (taskWeights.length > 0 && taskWeights.length === tasks.length) {
      const expected = ctx.settings.keyTaskWeightTotal;
      const c = compareSum(taskWeights, expected, unit);
      if (!c.withinRounding) {
        ctx.report({
          check: 'weight-sum',
          dimension: 'consistency',
          location: { field: '年度主要支出计划权重' },
          ...asCut(cut.any, `各重点任务的权重之和为 ${c.sum}，应为 ${expected}。`),
          suggestion: `调整任务权重，使其合计为 ${expected}（部门支出进度、年度目标与年度主要支出计划合计 100）。`,
          evidence: `${taskWeights.join(' + ')} = ${c.sum}`,
        });
      }
    }
    for (const { unit: u, project } of ctx.projects) {
      const weights = project.indicators.map((i) => i.weight);
      if (weights.length === 0 || weights.some((w) => w == null)) continue;
      const expected = ctx.settings.projectIndicatorWeightTotal;
      const c = compareSum(weights as number[], expected, unit);
      if (c.withinRounding) continue;
      ctx.report({
        check: 'weight-sum',
        dimension: 'consistency',
        location: { unit: u.name, project: project.name, field: '分值' },
        ...asCut(cut.project(project.name), `项目「${project.name}」各指标分值之和为 ${c.sum}，应为 ${expected}（总分 100 减去预算执行率的分值）。`),
        suggestion: `调整各指标分值，使其合计为 ${expected}；产出、效益、满意度一般为 50、30、10。`,
        evidence: `${(weights as number[]).join(' + ')} = ${c.sum}`,
      });
    }
  },
};
