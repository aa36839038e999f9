import { siteLocation } from '../context';
import type { Check } from './check';

/** A target that has a number but does not read as `[运算符] 数值 [单位]` (`80%-90%`, `3-5次`, `完成3个项目建设`). */
export const unparseableTarget: Check = {
  id: 'unparseable-target',
  dimension: 'feasibility',
  run(ctx) {
    for (const site of ctx.sites) {
      for (const [field, target] of [
        ['年度指标值', site.indicator.annualTarget],
        ['实施周期指标值', site.indicator.periodTarget],
      ] as const) {
        if (!target || target.kind !== 'unparseable') continue;
        ctx.report({
          check: 'unparseable-target',
          dimension: 'feasibility',
          location: siteLocation(site, field),
          message: `指标「${site.indicator.name}」的${field}「${target.text}」含有数字，但不是「运算符 + 数值 + 单位」的形式，无法据此评分。`,
          suggestion: '写成一个明确的值，例如「≥90%」「≥3次」「≤2小时」；区间目标取下限或上限并写明方向。',
          evidence: `${field}「${target.text}」`,
        });
      }
    }
  },
};
