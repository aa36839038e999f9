import { siteLocation } from '../context';
import { judgedTarget } from '../facts';
import type { QualitativeAdvice } from '../settings';
import type { Check } from './check';

/**
 * A target without a number (`提升`, `优良`, `及时`) cannot be checked at year end. The suggestion depends on the
 * words used: a vague direction needs a baseline and a number, a grade needs its standard, 及时 needs a time limit.
 */
export const qualitativeTarget: Check = {
  id: 'qualitative-target',
  dimension: 'feasibility',
  run(ctx) {
    for (const site of ctx.sites) {
      const target = judgedTarget(site.indicator);
      if (!target || target.kind !== 'qualitative') continue;
      const advice = adviceFor(target.text, ctx.settings.qualitativeAdvice);
      ctx.report({
        check: 'qualitative-target',
        dimension: 'feasibility',
        location: siteLocation(site, site.indicator.annualTarget ? '年度指标值' : '实施周期指标值'),
        message: `指标「${site.indicator.name}」的目标值「${target.text}」没有量化，年终无法据此判断是否完成。`,
        suggestion: advice.suggestion,
        evidence: `指标值「${target.text}」`,
      });
    }
  },
};

function adviceFor(text: string, advice: QualitativeAdvice[]): QualitativeAdvice {
  return advice.find((a) => a.words.some((w) => text.includes(w))) ?? advice[advice.length - 1] ?? { words: [], suggestion: '改为可核查的数值目标。' };
}
