import { normalizeForCompare } from '../facts';
import type { Check } from './check';

/**
 * Indicators that share nothing with the project's name and goal. Kept cautious (info only, and only when not a
 * single two-character word of any indicator appears in the name or goal) because Chinese wording varies a lot.
 */
export const indicatorUnrelated: Check = {
  id: 'indicator-unrelated',
  dimension: 'relevance',
  run(ctx) {
    for (const { unit, project } of ctx.projects) {
      if (project.indicators.length === 0) continue;
      const context = normalizeForCompare(`${project.name}${project.goal ?? ''}${project.description ?? ''}`);
      if (context.length < 8) continue;
      const contextPairs = bigrams(context);
      const related = project.indicators.some((i) => [...bigrams(stripGeneric(normalizeForCompare(i.name)))].some((b) => contextPairs.has(b)));
      if (related) continue;
      ctx.report({
        check: 'indicator-unrelated',
        dimension: 'relevance',
        location: { unit: unit.name, project: project.name },
        message: `项目「${project.name}」的指标与项目名称和绩效目标没有共同的内容，请确认指标是否反映本项目。`,
        suggestion: '指标应直接衡量项目资金的产出和效果；请对照绩效目标逐项设置对应的指标。',
        evidence: project.indicators.map((i) => i.name).join('、'),
      });
    }
  },
};

/** Words every indicator name has, which say nothing about the project. */
function stripGeneric(name: string): string {
  return name.replace(/满意度|完成率|覆盖率|及时率|合格率|指标|情况|数量|质量|次数|人数|工作|服务|开展|资金|经费|发放|使用|率/g, ' ');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (!/\s/.test(pair)) out.add(pair);
  }
  return out;
}
