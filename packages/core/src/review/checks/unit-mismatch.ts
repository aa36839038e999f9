import { siteLocation } from '../context';
import { isCountName, isRateName, judgedTarget } from '../facts';
import type { Check } from './check';

/**
 * R2: the name says what kind of number the target must be. A rate (…率, 满意度) needs a percentage; a count
 * (次数, 人数, 员工数 …) needs a number of things — not a percentage and not words (seed 002: 员工数 = 按照区核定编外人员数量).
 */
export const unitMismatch: Check = {
  id: 'unit-mismatch',
  dimension: 'feasibility',
  run(ctx) {
    for (const site of ctx.sites) {
      const { indicator } = site;
      const target = judgedTarget(indicator);
      if (!target || target.kind === 'unparseable') continue;
      const rate = isRateName(indicator.name, ctx.settings);
      const count = !rate && isCountName(indicator.name, ctx.settings);
      let problem: string | null = null;
      let suggestion = '';
      if (rate && target.kind === 'quantitative' && target.unit !== '%') {
        problem = target.unit ? `是比率，但目标值的单位是「${target.unit}」` : '是比率，但目标值没有写百分号';
        suggestion = '比率类指标写成百分比，例如「≥95%」；若要考核数量，请把指标名称改为「…次数」「…人数」。';
      } else if (rate && target.kind === 'qualitative') {
        problem = `是比率，但目标值是文字「${target.text}」`;
        suggestion = '比率类指标写成百分比，例如「≥95%」。';
      } else if (count && target.kind === 'quantitative' && target.unit === '%') {
        problem = '是数量，但目标值是百分比';
        suggestion = '数量类指标写成具体数量和单位，例如「≥12次」「≥70人」；若要考核比率，请把名称改为「…率」。';
      } else if (count && target.kind === 'qualitative') {
        problem = `是数量，但目标值是文字「${target.text}」`;
        suggestion = '写成具体数量和单位，例如「70人」；依据文件核定的，写出核定的数量。';
      }
      if (!problem) continue;
      ctx.report({
        check: 'unit-mismatch',
        dimension: 'feasibility',
        location: siteLocation(site, '指标值'),
        message: `指标「${indicator.name}」${problem}。`,
        suggestion,
        evidence: `指标值「${target.text}」`,
      });
    }
  },
};
