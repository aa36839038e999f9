import type { Check } from './check';
import { projectsWithIndicatorSets } from './check';

/** R2: a project should have at least `minIndicators` indicators. */
export const tooFewIndicators: Check = {
  id: 'too-few-indicators',
  dimension: 'completeness',
  run(ctx) {
    const min = ctx.settings.minIndicators;
    for (const { unit, project } of projectsWithIndicatorSets(ctx)) {
      const n = project.indicators.length;
      if (n >= min) continue;
      ctx.report({
        check: 'too-few-indicators',
        dimension: 'completeness',
        location: { unit: unit.name, project: project.name },
        message: `项目「${project.name}」只有 ${n} 个绩效指标，少于 ${min} 个，难以全面反映资金产出和效果。`,
        suggestion: `至少设置 ${min} 个指标，覆盖数量、质量、时效等产出和效益、满意度。`,
        evidence: `指标数 ${n}`,
      });
    }
  },
};
