import { normalizeForCompare } from '../facts';
import type { Check } from './check';

/**
 * Two projects of one document with the same list of indicators (names and targets) were most likely copied
 * and pasted without fitting the second project.
 */
export const duplicateIndicatorSet: Check = {
  id: 'duplicate-indicator-set',
  dimension: 'relevance',
  run(ctx) {
    const seen = new Map<string, string>();
    for (const { unit, project } of ctx.projects) {
      if (project.indicators.length < 2) continue;
      const parts: string[] = [];
      for (const i of project.indicators) parts.push(normalizeForCompare(i.name) + '\u0001' + (i.annualTarget?.text ?? i.periodTarget?.text ?? ''));
      const signature = parts.sort().join('\u0002');
      const first = seen.get(signature);
      if (first === undefined) {
        seen.set(signature, project.name);
        continue;
      }
      ctx.report({
        check: 'duplicate-indicator-set',
        dimension: 'relevance',
        location: { unit: unit.name, project: project.name },
        message: `项目「${project.name}」的 ${project.indicators.length} 个绩效指标与项目「${first}」完全相同，可能是照搬，未体现本项目的内容。`,
        suggestion: '按本项目的资金用途和产出重新设置指标，至少让数量、质量指标反映本项目具体做什么。',
        evidence: project.indicators.map((i) => i.name).join('、'),
      });
    }
  },
};
