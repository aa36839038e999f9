import { siteLocation } from '../context';
import { isRateName } from '../facts';
import type { Check } from './check';

/** R2: a rate target cannot exceed 100% (seed 002's full table: 年度指标值 1010%). */
export const rateOver100: Check = {
  id: 'rate-over-100',
  dimension: 'feasibility',
  run(ctx) {
    for (const site of ctx.sites) {
      const { indicator } = site;
      if (!isRateName(indicator.name, ctx.settings)) continue;
      for (const [field, target] of [
        ['年度指标值', indicator.annualTarget],
        ['实施周期指标值', indicator.periodTarget],
      ] as const) {
        if (!target || target.kind !== 'quantitative' || target.unit !== '%' || target.value === null || target.value <= 100) continue;
        ctx.report({
          check: 'rate-over-100',
          dimension: 'feasibility',
          location: siteLocation(site, field),
          message: `指标「${indicator.name}」是比率，${field}「${target.text}」超过 100%，不可能达到，可能是录入错误。`,
          suggestion: '核对数值：比率不超过 100%（例如「100%」或「≥95%」）；若要考核增长，请改名为「…增长率」并写明基数。',
          evidence: `${field}「${target.text}」`,
        });
      }
    }
  },
};
