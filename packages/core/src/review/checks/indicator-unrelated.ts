import { normalizeForCompare } from '../facts';
import type { Check } from './check';

/**
 * Indicators that share nothing with the project's name and goal. Kept cautious (info only, and only when not a
 * single two-character word of any indicator appears in the name, goal or description) because Chinese wording
 * varies a lot.
 */
export const indicatorUnrelated: Check = {
  id: 'indicator-unrelated',
  dimension: 'relevance',
  run(ctx) {
    for (const { unit, project } of ctx.projects) {
      if (project.indicators.length === 0) continue;
      // Punctuation in the context makes pairs no indicator word has, so the context needs no normalising.
      const context = `${project.name}${project.goal ?? ''}${project.description ?? ''}`;
      if (context.length < 8) continue;
      const contextPairs = bigrams(context);
      const related = project.indicators.some((i) => {
        const words = specificPart(i.name);
        for (let k = 0; k + 1 < words.length; k++) if (contextPairs.has(pair(words, k))) return true;
        return false;
      });
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

/** Words every indicator name has say nothing about the project; a space keeps pairs from spanning the gap. */
const GENERIC = /满意度|完成率|覆盖率|及时率|合格率|指标|情况|数量|质量|次数|人数|工作|服务|开展|资金|经费|发放|使用|率/g;
const specificCache = new Map<string, string>();
function specificPart(name: string): string {
  let out = specificCache.get(name);
  if (out === undefined) {
    out = normalizeForCompare(name).replace(GENERIC, ' ');
    if (specificCache.size < 10_000) specificCache.set(name, out);
  }
  return out;
}

const pair = (text: string, k: number) => text.charCodeAt(k) * 65_536 + text.charCodeAt(k + 1);

function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k + 1 < text.length; k++) out.add(pair(text, k));
  return out;
}
