import { siteLocation } from '../context';
import type { Check } from './check';

/** An indicator with neither an annual nor a period target value. */
export const missingTarget: Check = {
  id: 'missing-target',
  dimension: 'completeness',
  run(ctx) {
    for (const site of ctx.sites) {
      const { indicator } = site;
      if (indicator.annualTarget || indicator.periodTarget) continue;
      ctx.report({
        check: 'missing-target',
        dimension: 'completeness',
        location: siteLocation(site, '指标值'),
        message: `指标「${indicator.name}」没有填写指标值。`,
        suggestion: '填写年度指标值，写明运算符、数值和计量单位，例如「≥95%」「≥12次」「≤2小时」。',
        evidence: '年度指标值、实施周期指标值均为空',
      });
    }
  },
};
