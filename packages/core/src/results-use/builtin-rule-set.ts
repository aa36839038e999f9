/**
 * The national results-use rule set (R11, research-rules.md §6.1 and R11): 优/良 support, 中 improve and may be reduced,
 * 差 reduced or stopped, unresolved rectification reduced until fixed. The ratios of a reduction are not set: no
 * Guangdong or Guangzhou figure could be verified, and the decision is always a person's (the finance reviewer's).
 */
import type { RuleSet } from '../rules/rule-set';
import type { ResultsUseSettings } from './settings';

export const NATIONAL_RESULTS_USE: RuleSet<ResultsUseSettings> = {
  id: 'cn-results-use',
  version: 1,
  scheme: 'results-use',
  name: '绩效结果应用',
  region: '全国',
  years: { from: 2020, to: null },
  sources: [
    { docNo: '中发〔2018〕34号', title: '中共中央 国务院关于全面实施预算绩效管理的意见', note: '评价结果与预算安排和政策调整挂钩；绩效好的优先保障，一般的督促改进，低效无效资金一律削减或取消（据记忆，待核）' },
    { docNo: '财预〔2020〕10号', title: '项目支出绩效评价管理办法', note: '结果为优、良的根据情况予以支持；中、差的完善政策、改进管理，根据情况核减预算；不整改或整改不到位的相应调减预算（据记忆，待核）' },
    { docNo: '金花街道自评报告（种子 001）', title: '加强绩效评价结果的运用', note: '对绩效评价结果不佳的项目少安排或不安排预算资金' },
  ],
  settings: {
    suggestions: [
      { id: 'support', label: '支持', advice: '绩效优秀，下年度预算予以支持、优先保障。' },
      { id: 'keep', label: '保持', advice: '绩效良好，下年度预算据实保持。' },
      { id: 'improve', label: '改进，可适当压减', advice: '绩效一般，督促单位改进管理，下年度预算可适当压减。' },
      { id: 'reduce', label: '压减', advice: '整改到位前压减下年度预算，整改到位后再按绩效安排。' },
      { id: 'reduce-or-cancel', label: '压减或取消', advice: '绩效较差，下年度少安排或不安排预算资金。' },
    ],
    byGrade: [
      { grade: '优', suggestion: 'support' },
      { grade: '良', suggestion: 'keep' },
      { grade: '中', suggestion: 'improve' },
      { grade: '差', suggestion: 'reduce-or-cancel' },
    ],
    basis: ['evaluation', 'self-evaluation', 'review'],
    openRectification: { suggestion: 'reduce' },
  },
};
