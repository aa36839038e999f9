import { siteLocation } from '../context';
import { LEVEL1_LABEL, level1Of, level2Of } from '../facts';
import type { Check } from './check';

/** R2: the 二级 must belong to its 一级 (codes 11–14 → 1, 21–24 → 2, 31 → 3), and a code must match its name. */
export const levelMismatch: Check = {
  id: 'level-mismatch',
  dimension: 'completeness',
  run(ctx) {
    for (const site of ctx.sites) {
      const l1 = level1Of(site.indicator);
      const l2 = level2Of(site.indicator);
      if (!l2) continue;
      const byCodes = l1.byCode && l2.byCode;
      if (l1.codeNameConflict || l2.codeNameConflict) {
        ctx.report({
          check: 'level-mismatch',
          dimension: 'completeness',
          location: siteLocation(site, '指标层级'),
          message: `指标「${site.indicator.name}」的层级编码与名称不一致：${l1.codeNameConflict ? l1.text : l2.text}。`,
          suggestion: '按指标体系核对编码与名称：1-产出指标（11 数量、12 质量、13 时效、14 成本），2-效益指标（21 经济、22 社会、23 生态、24 可持续影响），3-满意度指标（31 服务对象满意度）。',
          evidence: `${l1.text}；${l2.text}`,
        });
        continue;
      }
      if (l1.key === undefined || l2.parent === undefined || l1.key === l2.parent) continue;
      ctx.report({
        check: 'level-mismatch',
        dimension: 'completeness',
        location: siteLocation(site, '指标层级'),
        message: `指标「${site.indicator.name}」的二级指标「${l2.text}」不属于一级指标「${l1.text}」，它属于${LEVEL1_LABEL[l2.parent]}。`,
        suggestion: `把一级指标改为${LEVEL1_LABEL[l2.parent]}，或把二级指标改为${LEVEL1_LABEL[l1.key]}下的类别；满意度类指标统一放在「3-满意度指标；31-服务对象满意度」。`,
        evidence: `${l1.text}；${l2.text}`,
        ...(byCodes ? {} : { severity: ctx.settings.levelMismatchByNameSeverity }),
      });
    }
  },
};
