import { siteLocation } from '../context';
import { isSatisfactionIndicator, judgedTarget } from '../facts';
import type { Check } from './check';

/** A satisfaction target below the rule set's floor (80% by default; seed 002: 妇女满意度 ≥60%). */
export const lowSatisfactionTarget: Check = {
  id: 'low-satisfaction-target',
  dimension: 'appropriateness',
  run(ctx) {
    const floor = ctx.settings.minSatisfactionTarget;
    for (const site of ctx.sites) {
      if (!isSatisfactionIndicator(site.indicator)) continue;
      const target = judgedTarget(site.indicator);
      if (!target || target.kind !== 'quantitative' || target.unit !== '%' || target.value === null || target.value >= floor) continue;
      ctx.report({
        check: 'low-satisfaction-target',
        dimension: 'appropriateness',
        location: siteLocation(site, '指标值'),
        message: `满意度指标「${site.indicator.name}」的目标值「${target.text}」低于 ${floor}%，目标偏低。`,
        suggestion: `满意度目标一般不低于 ${floor}%（常见为「≥85%」或「≥90%」）；如确因情况特殊需要偏低，请在指标解释中说明依据。`,
        evidence: `指标值「${target.text}」`,
      });
    }
  },
};
