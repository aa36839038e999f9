import { benchmarkKey, benchmarkNumber, outlierOf } from '../benchmarks';
import { siteLocation } from '../context';
import { judgedTarget } from '../facts';
import type { Check } from './check';

/**
 * A numeric target far from what comparable units set for the same indicator (the seeds' 「指标值过大/过低」): outside
 * the fences of the 指标库's spread over every department's approved targets, with the spread as the evidence. Runs
 * only with benchmarks given and with the rule set's `targetOutlier` settings.
 */
export const targetOutlier: Check = {
  id: 'target-outlier',
  dimension: 'appropriateness',
  run(ctx) {
    const settings = ctx.settings.targetOutlier;
    if (!settings || ctx.benchmarks.size === 0) return;
    for (const site of ctx.sites) {
      const target = judgedTarget(site.indicator);
      if (!target || target.kind !== 'quantitative' || target.value === null) continue;
      const benchmark = ctx.benchmarks.get(benchmarkKey(site.indicator.name, target.unit));
      if (!benchmark) continue;
      const side = outlierOf(target.value, benchmark, settings);
      if (!side) continue;
      const unit = benchmark.unit;
      const n = (x: number) => `${benchmarkNumber(x)}${unit}`;
      ctx.report({
        check: 'target-outlier',
        dimension: 'appropriateness',
        location: siteLocation(site, '指标值'),
        message: `「${site.indicator.name}」的目标值「${target.text}」明显${side === 'high' ? '高于' : '低于'}同类单位：指标库中已批复的 ${benchmark.count} 个同名指标（${benchmark.departments} 个部门）中位数为 ${n(benchmark.median)}，一半在 ${n(benchmark.p25)}–${n(benchmark.p75)} 之间。`,
        suggestion: `请核实目标值是否${side === 'high' ? '过高、难以完成' : '过低、缺乏挑战性'}：指标值应参考历史标准、行业标准和同类单位的水平确定（财预〔2021〕101号）；确有依据的，请在指标解释中说明。`,
        evidence: `指标库（已批复目标）：${benchmark.count} 个，最小 ${n(benchmark.min)}，25% ${n(benchmark.p25)}，中位数 ${n(benchmark.median)}，75% ${n(benchmark.p75)}，最大 ${n(benchmark.max)}`,
      });
    }
  },
};
