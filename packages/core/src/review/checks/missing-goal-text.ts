import type { Check } from './check';

/** A project without 绩效目标 text (seed 002: 办公场地租赁费). */
export const missingGoalText: Check = {
  id: 'missing-goal-text',
  dimension: 'completeness',
  run(ctx) {
    for (const { unit, project } of ctx.projects) {
      if (project.goal && project.goal.trim() !== '') continue;
      ctx.report({
        check: 'missing-goal-text',
        dimension: 'completeness',
        location: { unit: unit.name, project: project.name, field: '绩效目标' },
        message: `项目「${project.name}」没有填写绩效目标。`,
        suggestion: '用一两句话写明资金用于什么、年度内要完成什么、达到什么效果，并与下面的指标对应。',
        evidence: '绩效目标为空',
      });
    }
  },
};
