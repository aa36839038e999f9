import { siteLocation } from '../context';
import { quoteTarget } from '../facts';
import type { Check } from './check';

/** 实施周期 value given, 年度 value missing (seed 002: 社区居民活动费, 4th indicator — the cell is cut off). */
export const missingAnnualTarget: Check = {
  id: 'missing-annual-target',
  dimension: 'completeness',
  run(ctx) {
    for (const site of ctx.sites) {
      const { indicator } = site;
      if (indicator.annualTarget || !indicator.periodTarget) continue;
      ctx.report({
        check: 'missing-annual-target',
        dimension: 'completeness',
        location: siteLocation(site, '年度指标值'),
        message: `指标「${indicator.name}」只有实施周期指标值${quoteTarget(indicator.periodTarget)}，缺少年度指标值。`,
        suggestion: '补填年度指标值：一年期项目与实施周期指标值一致；跨年度项目按本年度应完成的部分填写。',
        evidence: `实施周期指标值${quoteTarget(indicator.periodTarget)}；年度指标值（缺失）`,
      });
    }
  },
};
