import { siteLocation } from '../context';
import type { Check } from './check';

/**
 * For a one-year project the annual and the period target are the same thing (seed 002: 街道综合工作经费,
 * 工程验收合格率 100% vs 80%). Documents of annual budgets do not mark multi-year projects, so every difference is
 * reported for the unit to confirm.
 */
export const annualPeriodDiffer: Check = {
  id: 'annual-period-differ',
  dimension: 'feasibility',
  run(ctx) {
    for (const site of ctx.sites) {
      const { annualTarget: a, periodTarget: p } = site.indicator;
      if (!a || !p) continue;
      const same = a.kind === 'quantitative' && p.kind === 'quantitative' ? a.op === p.op && a.value === p.value && a.unit === p.unit : a.text === p.text;
      if (same) continue;
      ctx.report({
        check: 'annual-period-differ',
        dimension: 'feasibility',
        location: siteLocation(site, '指标值'),
        message: `指标「${site.indicator.name}」的年度指标值「${a.text}」与实施周期指标值「${p.text}」不一致。`,
        suggestion: '一年期项目的年度指标值应与实施周期指标值相同；跨年度项目请在项目信息中写明实施周期，并说明本年度为何只完成这一部分。',
        evidence: `年度「${a.text}」；实施周期「${p.text}」`,
      });
    }
  },
};
