import { siteLocation } from '../context';
import { level1Of } from '../facts';
import type { Check } from './check';

/**
 * An 效益 indicator that only measures spending or paying (资金拨付使用率, 工资发放到位率 …) says nothing about the
 * effect of the money (seed 002: many).
 */
export const processAsOutcome: Check = {
  id: 'process-as-outcome',
  dimension: 'appropriateness',
  run(ctx) {
    for (const site of ctx.sites) {
      if (level1Of(site.indicator).key !== 'outcome') continue;
      const word = ctx.settings.processWords.find((w) => site.indicator.name.includes(w));
      if (!word) continue;
      ctx.report({
        check: 'process-as-outcome',
        dimension: 'appropriateness',
        location: siteLocation(site, '指标名称'),
        message: `效益指标「${site.indicator.name}」衡量的是资金拨付或发放过程，不是资金带来的效果。`,
        suggestion: '效益指标写资金使用后对服务对象或社会带来的变化，例如「社区居民参与率」「问题整改完成率」「群众投诉下降数」；拨付、发放类指标可放在产出指标（时效/数量）下或删除。',
        evidence: `一级指标「${level1Of(site.indicator).text}」；指标名称含「${word}」`,
      });
    }
  },
};
