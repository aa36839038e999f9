import { siteLocation } from '../context';
import { isCountName, isRateName, judgedTarget, level2Of } from '../facts';
import type { Check } from './check';

/**
 * R2: the name says what kind of number the target must be. A rate (…率, 满意度) needs a percentage; a count
 * (次数, 人数, 员工数 …) needs a number of things — not a percentage and not words (seed 002: 员工数 = 按照区核定编外人员数量).
 * A 数量指标 counts things (财预〔2021〕101号): a percentage target there needs a name that says rate or share.
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
      } else if (!rate && !count && target.kind === 'quantitative' && target.unit === '%' && quantityAsPercent(indicator.name, level2Of(indicator)?.key, ctx.settings.quantityRateWords)) {
        problem = '是数量指标，目标值却是百分比，名称也没有写明是哪个比率';
        suggestion = '数量指标写成具体数量和单位，例如「≥12次」「覆盖 8 个社区」；若要考核比率，把名称写成「…率」「…比例」「…占比」，或把指标放到质量指标下。';
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

/** A 数量指标 with a % target whose name names no rate or share (the words are rule-set data). */
function quantityAsPercent(name: string, level2: string | undefined, words: readonly string[] | undefined): boolean {
  if (level2 !== 'quantity' || !words?.length) return false;
  return !words.some((w) => name.includes(w));
}
