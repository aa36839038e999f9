import { siteLocation } from '../context';
import { level1Of, level2Of } from '../facts';
import type { Check } from './check';

/**
 * An indicator filed under a category that does not describe it: 及时率/时长 outside 时效, 满意度 outside 满意度,
 * cost outside 成本 (seed 002: 租金支付及时率 under 经济效益). Indicators whose levels already disagree are left to
 * level-mismatch, so one problem is reported once.
 */
export const misfiledIndicator: Check = {
  id: 'misfiled-indicator',
  dimension: 'appropriateness',
  run(ctx) {
    const { timelinessWords, costWords } = ctx.settings;
    for (const site of ctx.sites) {
      const { indicator } = site;
      const l1 = level1Of(indicator);
      const l2 = level2Of(indicator);
      if (l1.codeNameConflict || l2?.codeNameConflict || (l1.key && l2?.parent && l1.key !== l2.parent)) continue;
      const name = indicator.name;
      let where: string | null = null;
      let belongs = '';
      const timeWord = timelinessWords.find((w) => name.includes(w));
      const costWord = costWords.find((w) => name.includes(w));
      if (timeWord && l2 && l2.key !== 'timeliness') {
        where = `含「${timeWord}」，却放在「${l2.text}」下`;
        belongs = '1-产出指标；13-时效指标';
      } else if ((name.includes('满意度') || name.includes('满意率')) && l1.key && l1.key !== 'satisfaction') {
        where = `是满意度，却放在「${l1.text}」下`;
        belongs = '3-满意度指标；31-服务对象满意度';
      } else if (costWord && l2 && l2.key !== 'cost' && l1.key !== 'cost') {
        where = `含「${costWord}」，却放在「${l2.text}」下`;
        belongs = '成本指标';
      }
      if (!where) continue;
      ctx.report({
        check: 'misfiled-indicator',
        dimension: 'appropriateness',
        location: siteLocation(site, '指标层级'),
        message: `指标「${name}」${where}。`,
        suggestion: `把它移到「${belongs}」；原类别下改设能反映该类别的指标。`,
        evidence: `${l1.text}；${l2?.text ?? '（无二级指标）'}`,
      });
    }
  },
};
