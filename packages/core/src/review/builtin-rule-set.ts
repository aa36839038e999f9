/**
 * The built-in target-review rule set. Its numbers come from the national texts where they say something
 * (88号: the four dimensions and four outcomes; 10号: grade bands) and are otherwise defaults of ours that a district
 * replaces by copying this rule set (research-rules.md lists what could and could not be confirmed).
 */
import { NATIONAL_GRADES } from '../rules/grades';
import type { RuleSet } from '../rules/rule-set';
import type { ReviewSettings } from './settings';
import type { CheckId, Severity } from './types';

export const NATIONAL_TARGET_REVIEW: RuleSet<ReviewSettings> = {
  id: 'cn-target-review',
  version: 1,
  scheme: 'target-review',
  name: '绩效目标审核（全国通用默认）',
  region: '全国',
  years: { from: 2021, to: null },
  sources: [
    { docNo: '财预〔2015〕88号', title: '中央部门预算绩效目标管理办法', note: '完整性、相关性、适当性、可行性四个审核维度；优良中差及其处理' },
    { docNo: '财预〔2021〕101号', title: '中央部门项目支出核心绩效目标和指标设置及取值指引（试行）', note: '三级指标体系；能量化的尽量定量；数量指标反映产品或服务的数量，以百分比为目标的须是比率（名称含率、比例、占比、覆盖面）' },
    { docNo: '财预〔2020〕10号', title: '项目支出绩效评价管理办法', note: '等级分数段：优≥90、良80–90、中60–80、差<60' },
  ],
  settings: {
    // Version 1 predates `target-outlier`, which therefore does not run under it (a check without a severity is off).
    severities: {
      'missing-level1': 'error',
      'too-few-indicators': 'warning',
      'level-mismatch': 'error',
      'missing-target': 'error',
      'missing-annual-target': 'error',
      'missing-goal-text': 'warning',
      'qualitative-target': 'warning',
      'unparseable-target': 'warning',
      'unit-mismatch': 'warning',
      'rate-over-100': 'error',
      'annual-period-differ': 'warning',
      'low-satisfaction-target': 'warning',
      'process-as-outcome': 'warning',
      'misfiled-indicator': 'warning',
      'duplicate-indicator-set': 'warning',
      'goal-text-duplicated': 'warning',
      'indicator-unrelated': 'info',
      'repeated-phrase': 'warning',
      'suspect-wording': 'warning',
      'sum-mismatch': 'error',
      'rate-mismatch': 'error',
      'weight-sum': 'error',
      'target-conflict': 'error',
    } as Record<CheckId, Severity>,
    requiredLevel1: ['output', 'outcome', 'satisfaction'],
    minIndicators: 3,
    minSatisfactionTarget: 80,
    levelMismatchByNameSeverity: 'warning',
    rateNameEndings: ['率', '满意度', '覆盖面', '比例', '占比'],
    countNameEndings: ['次数', '人数', '个数', '场次', '员工数', '户数', '件数', '宗数', '人次', '份数', '数量'],
    quantityRateWords: ['率', '比例', '占比', '覆盖面'],
    processWords: ['资金拨付使用率', '资金拨付率', '资金使用率', '资金到位率', '工资发放到位率', '发放到位率', '发放率', '支付率', '拨付率', '缴纳率', '执行率'],
    timelinessWords: ['及时率', '及时性', '时长', '时限', '完成时间', '响应时间'],
    costWords: ['成本', '单价', '单位成本', '费用控制'],
    qualitativeAdvice: [
      {
        words: ['提升', '提高', '增强', '改善', '加强', '增加', '下降', '减少', '优化'],
        suggestion: '写成可衡量的形式并给出基线，例如「较上年提高5个百分点」「≥90%」或「≥N次」，并在指标解释中写明统计口径',
      },
      {
        words: ['优良', '良好', '优秀', '合格', '达标', '称职'],
        suggestion: '写明评定依据和达标线，例如「验收合格率100%」「考核结果为良好及以上的比例≥90%」',
      },
      {
        words: ['及时'],
        suggestion: '写成时限或及时率，例如「≤5个工作日」或「及时率≥95%」',
      },
      {
        words: ['长期', '持续', '可持续'],
        suggestion: '写明可持续的期限或可核查的结果，例如「≥3年」「建立长效机制并印发制度N项」',
      },
      {
        words: [],
        suggestion: '改为可核查的数值目标（比率、数量、时限或金额）并写明计量单位，无法量化时写明分级标准',
      },
    ],
    suspectWordings: [
      { text: '不于', meant: '不少于 / 不低于' },
      { text: '职称或以上', meant: '称职或以上' },
      { text: '队任建设', meant: '队伍建设' },
      { text: '归属成', meant: '归属感' },
    ],
    duplicateTextMinLength: 30,
    repeatedPhraseMinLength: 8,
    keyTaskWeightTotal: 50,
    projectIndicatorWeightTotal: 90,
    dimensionScoring: {
      completeness: 'completeness',
      relevance: 'relevance',
      appropriateness: 'appropriateness',
      feasibility: 'feasibility',
      consistency: 'feasibility',
      wording: 'completeness',
    },
    pointsPerDimension: 25,
    deductions: { error: 3, warning: 1, info: 0 },
    maxDeductionPerCheck: 6,
    grades: NATIONAL_GRADES,
  },
};

/**
 * Version 2: version 1 and the check `target-outlier` (issue 13 item 4) — a numeric target far from what comparable
 * units set for the same indicator in their approved targets (the 指标库), reported as a warning with the spread.
 */
export const NATIONAL_TARGET_REVIEW_V2: RuleSet<ReviewSettings> = {
  ...NATIONAL_TARGET_REVIEW,
  version: 2,
  sources: NATIONAL_TARGET_REVIEW.sources.map((s) =>
    s.docNo === '财预〔2021〕101号' ? { ...s, note: `${s.note}；指标值参考历史标准、行业标准、计划标准等确定，对照同类单位已批复的指标值检查偏离` } : s,
  ),
  settings: {
    ...NATIONAL_TARGET_REVIEW.settings,
    severities: { ...NATIONAL_TARGET_REVIEW.settings.severities, 'target-outlier': 'warning' },
    // Tukey's fences (1.5 × IQR) over at least 5 approved targets of 3 departments, and 30% off the median: a default
    // of ours — 101号 says to refer to historical, industry and comparable standards, not how far is too far.
    targetOutlier: { minSamples: 5, minDepartments: 3, fenceFactor: 1.5, minRelativeGap: 0.3 },
  },
};
