/**
 * Each scheme's settings as one table (settings-spec.ts, decision 019): what is allowed, and the Chinese message when
 * it is not. The order of the fields is the order problems are reported in. The `Same<…>` lines at the end make the
 * compiler prove that each table describes exactly the interface the scoring and review code reads.
 */
import type { RuleScheme } from './rule-set';
import type { DepartmentScoringSettings, MonitoringSettings, ProjectScoringSettings } from '../scoring/settings';
import type { ReviewSettings, SuspectWording } from '../review/settings';
import type { CheckId, Severity } from '../review/types';
import type { ResultsUseSettings } from '../results-use/settings';
import { bool, depends, fmt, int, list, map, mode, nullable, num, object, oneOf, optional, text, uncheckedList, words, type Checked, type Same, type SettingSpec, type SettingType } from './settings-spec';

const LEVEL1 = ['output', 'outcome', 'satisfaction', 'cost'] as const;
const LEVEL2 = ['quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainability', 'beneficiarySatisfaction'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const SCORED = ['completeness', 'relevance', 'appropriateness', 'feasibility'] as const;

const numbers = (v: Checked, ...keys: string[]): number[] | null => {
  const out = keys.map((k) => v[k]);
  return out.every((n): n is number => typeof n === 'number') ? out : null;
};

/** A qualitative tier's band (R5), as fractions of the weight. */
const tierBand = object(
  {
    min: num(0, 1, '下限（占权重的比例）'),
    max: num(0, 1, '上限（占权重的比例）'),
    suggested: num(0, 1, '建议得分（占权重的比例）'),
    label: text('应写明档次名称'),
  },
  {
    checks: [
      (t, report) => {
        const [min, max] = numbers(t, 'min', 'max') ?? [];
        if (min !== undefined && max !== undefined && min >= max) report(`下限 ${fmt(min)} 应小于上限 ${fmt(max)}`);
        const s = t.suggested;
        if (min !== undefined && max !== undefined && typeof s === 'number' && (s < min || s > max)) report(`建议得分 ${fmt(s)} 应在本档 ${fmt(min)}–${fmt(max)} 之内`, 'suggested');
      },
    ],
  },
);

/** A band counts for the tiers' joins only when both its ends are valid. */
const band = (tiers: Checked, key: string): { min: number; max: number } | null => {
  const t = tiers[key];
  if (!t || typeof t !== 'object') return null;
  const [min, max] = numbers(t as Checked, 'min', 'max') ?? [];
  return min !== undefined && max !== undefined ? { min, max } : null;
};

/** R3–R5: the indicator-scoring settings shared by project and department schemes. */
const indicatorFields = {
  greaterThanMetAtEqual: bool(),
  lowerIsBetter: oneOf(['linear-to-zero-at-2T', 'ratio']),
  overrunFactor: num(1, 100, '超额倍数'),
  tiers: object(
    { achieved: tierBand, partly: tierBand, notAchieved: tierBand },
    {
      checks: [
        (tiers, report) => {
          const achieved = band(tiers, 'achieved');
          const partly = band(tiers, 'partly');
          const notAchieved = band(tiers, 'notAchieved');
          if (achieved && achieved.max !== 1) report(`“达成”档上限应为 1（满分），现为 ${fmt(achieved.max)}`, 'achieved.max');
          if (notAchieved && notAchieved.min !== 0) report(`“未达成”档下限应为 0，现为 ${fmt(notAchieved.min)}`, 'notAchieved.min');
          if (partly && achieved && partly.max !== achieved.min) report(`三档应首尾相接：“部分达成”上限 ${fmt(partly.max)} 应等于“达成”下限 ${fmt(achieved.min)}`);
          if (notAchieved && partly && notAchieved.max !== partly.min) report(`三档应首尾相接：“未达成”上限 ${fmt(notAchieved.max)} 应等于“部分达成”下限 ${fmt(partly.min)}`);
        },
      ],
    },
  ),
};

/** Points of each part: every part 0–`total`, no other part, and together exactly `total`. */
function weights<const K extends string>(keys: readonly K[], total: number) {
  const fields = Object.fromEntries(keys.map((k) => [k, num(0, total, '分值')])) as Record<K, SettingSpec<number>>;
  return object(fields, {
    exact: true,
    checks: [
      (w, report) => {
        const parts = numbers(w, ...keys);
        if (!parts) return;
        const sum = parts.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - total) > 1e-9) report(`各项分值之和应为 ${total}，现为 ${fmt(sum)}（${keys.map((k, i) => `${k} ${fmt(parts[i]!)}`).join(' + ')}）`);
      },
    ],
  });
}

/** R6: proportional, or by steps of the execution rate (highest first). */
const executionMode = mode({
  proportional: {},
  steps: {
    steps: list(object({ minRate: num(0, 1000, '执行率下限（%）'), fraction: num(0, 1, '得分比例') }), '按档计分时至少需要一档', {
      nonEmpty: true,
      each: (step, _i, state, report) => {
        const rate = step?.minRate;
        if (typeof rate !== 'number') return;
        if (rate >= ((state.previous as number | undefined) ?? Infinity)) report('各档应按执行率下限从高到低排列，且不能重复');
        state.previous = rate;
      },
    }),
  },
});

/** Grade bands (R7): highest first, minimums strictly falling, the last at 0, all within 0–`max`. */
const grades = (max = 100) =>
  list(object({ grade: text('应写明等级名称', (g) => `等级“${g}”重复`), min: num(0, max, '最低分') }), '等级分数段至少需要一段', {
    nonEmpty: true,
    each: (b, i, state, report) => {
      const min = b?.min;
      if (typeof min !== 'number') return;
      const previous = (state.previous as number | undefined) ?? Infinity;
      if (min >= previous) report(`等级分数段应从高到低排列、首尾相接：第 ${i + 1} 段最低分 ${fmt(min)} 不低于上一段的 ${fmt(previous)}`);
      state.previous = min;
      state.last = min;
    },
    after: (state, report) => {
      const last = state.last as number | undefined;
      if (last !== undefined && last !== 0) report(`最低一段的最低分应为 0（否则低于 ${fmt(last)} 分的总分没有等级），现为 ${fmt(last)}`);
    },
  });

/** Optional (older stored versions lack it): the execution rates reported as too high or too low. */
const executionRateRange = optional(
  object(
    { low: num(0, 100, '执行率下限（%）'), high: num(0, 1000, '执行率上限（%）') },
    {
      checks: [
        (r, report) => {
          const [low, high] = numbers(r, 'low', 'high') ?? [];
          if (low !== undefined && high !== undefined && low >= high) report(`执行率下限 ${fmt(low)}% 应低于上限 ${fmt(high)}%`);
        },
      ],
    },
  ),
);

export const PROJECT_SETTINGS = object({
  ...indicatorFields,
  weights: weights(['execution', 'output', 'outcome', 'satisfaction', 'cost'], 100),
  execution: executionMode,
  noSatisfaction: oneOf(['pro-rata', 'split-even']),
  totalCaps: list(
    object(
      { fromRate: num(0, 100, '执行率下限（%）'), belowRate: num(0, 100, '执行率上限（%）'), maxTotal: num(0, 100, '总分上限') },
      {
        checks: [
          (c, report) => {
            const [from, below] = numbers(c, 'fromRate', 'belowRate') ?? [];
            if (from !== undefined && below !== undefined && from >= below) report(`执行率下限 ${fmt(from)}% 应小于上限 ${fmt(below)}%`);
          },
        ],
      },
    ),
    '应为一组封顶规则（可为空）',
  ),
  deviationDeduction: nullable(object({ thresholdPercent: num(0, 1000, '偏离比例（%）'), points: num(0, 100, '扣分') })),
  grades: grades(),
  statedScoreTolerance: optional(num(0, 10, '得分容差')),
  executionRateRange,
});

export const DEPARTMENT_SETTINGS = object({
  ...indicatorFields,
  weights: weights(['spendingProgress', 'annualGoal', 'keyTasks'], 100),
  spendingProgress: executionMode,
  grades: grades(),
  executionRateRange,
});

const lightOrder = (lower: string, higher: string, lowerName: string, higherName: string) => (v: Checked, report: (m: string) => void) => {
  const [a, b] = numbers(v, lower, higher) ?? [];
  if (a !== undefined && b !== undefined && a >= b) report(`${lowerName}界限 ${fmt(a)} 应低于${higherName}界限 ${fmt(b)}`);
};

export const MONITORING_SETTINGS = object({
  defaultCutoffMonth: int(1, 12, '截止月份'),
  budgetLights: object({ red: num(0, 1000, '红灯界限（%）'), yellow: num(0, 1000, '黄灯界限（%）') }, { checks: [lightOrder('red', 'yellow', '红灯', '黄灯')] }),
  indicatorLights: object(
    { red: num(0, 1000, '红灯界限（%）'), yellow: num(0, 1000, '黄灯界限（%）'), blue: num(0, 10000, '蓝灯界限（%）') },
    { checks: [lightOrder('red', 'yellow', '红灯', '黄灯'), lightOrder('yellow', 'blue', '黄灯', '蓝灯')] },
  ),
  deviationReasons: words(),
  likelihoods: words(),
  measures: words(),
  explanationRequired: bool(),
  indicatorModes: object({
    // Keys, not the labels: the stored settings name 二级/一级 by key.
    inRangeLevel2: list<string>(oneOf(LEVEL2), '应为一组二级指标'),
    yearEndLevel1: list<string>(oneOf(LEVEL1), '应为一组一级指标'),
    yearEndNameWords: words({ nonEmpty: false }),
    notProratedUnits: words({ nonEmpty: false }),
  }),
  warnings: optional(
    object({
      executionFloors: list(object({ month: int(1, 12, '月份'), minRate: num(0, 100, '累计执行率下限（%）') }), '至少需要一个月份的执行率下限', { nonEmpty: true }),
      progressGap: num(0, 100, '目标进度与执行进度的差距（百分点）'),
      responseWorkingDays: int(1, 60, '反馈期限（工作日）'),
      responses: words(),
    }),
  ),
});

export const REVIEW_SETTINGS = object({
  severities: map<CheckId, Severity>(oneOf(SEVERITIES)),
  requiredLevel1: list(oneOf(LEVEL1), '应为一组一级指标'),
  minIndicators: int(0, 1000, '指标个数'),
  minSatisfactionTarget: num(0, 100, '满意度目标下限（%）'),
  targetOutlier: optional(
    object({ minSamples: int(1, 100000, '样本数'), minDepartments: int(1, 100000, '部门数'), fenceFactor: num(0, 100, '四分位距倍数'), minRelativeGap: num(0, 100, '偏离中位数的比例') }),
  ),
  levelMismatchByNameSeverity: oneOf(SEVERITIES),
  rateNameEndings: words({ nonEmpty: false }),
  countNameEndings: words({ nonEmpty: false }),
  processWords: words({ nonEmpty: false }),
  timelinessWords: words({ nonEmpty: false }),
  costWords: words({ nonEmpty: false }),
  quantityRateWords: optional(words({ nonEmpty: false })),
  qualitativeAdvice: list(object({ words: words({ nonEmpty: false }), suggestion: text('应写明修改建议') }), '至少需要一条修改建议', { nonEmpty: true }),
  suspectWordings: uncheckedList<SuspectWording>('应为一组易错写法（可为空）'),
  duplicateTextMinLength: int(1, 10000, '字数'),
  repeatedPhraseMinLength: int(1, 10000, '字数'),
  keyTaskWeightTotal: num(0, 100, '分值'),
  projectIndicatorWeightTotal: num(0, 100, '分值'),
  dimensionScoring: object({
    completeness: oneOf(SCORED),
    relevance: oneOf(SCORED),
    appropriateness: oneOf(SCORED),
    feasibility: oneOf(SCORED),
    consistency: oneOf(SCORED),
    wording: oneOf(SCORED),
  }),
  pointsPerDimension: num(1, 100, '每个维度的分值'),
  deductions: object({ error: num(0, 100, '扣分'), warning: num(0, 100, '扣分'), info: num(0, 100, '扣分') }),
  maxDeductionPerCheck: num(0, 100, '扣分上限'),
  // The conclusion bands lie within the review's total: points per dimension × the scored dimensions.
  grades: depends((s) => grades(typeof s.pointsPerDimension === 'number' ? s.pointsPerDimension * SCORED.length : 100)),
});

/** R11: a suggestion named anywhere must be one of the listed suggestions. */
const knownSuggestion = (v: Checked, report: (m: string, at?: string) => void) => {
  const listed = Array.isArray(v.suggestions) ? (v.suggestions as Array<Checked | null>) : [];
  const ids = new Set(listed.map((s) => s?.id).filter((id): id is string => typeof id === 'string'));
  const known = [...ids].join('、');
  const byGrade = Array.isArray(v.byGrade) ? (v.byGrade as Array<Checked | null>) : [];
  byGrade.forEach((g, i) => {
    if (typeof g?.suggestion === 'string' && !ids.has(g.suggestion)) report(`等级「${String(g.grade)}」的建议 ${g.suggestion} 不在建议列表中（可用：${known}）`, `byGrade[${i}].suggestion`);
  });
  const open = v.openRectification as Checked | undefined;
  if (typeof open?.suggestion === 'string' && !ids.has(open.suggestion)) report(`整改未完成时的建议 ${open.suggestion} 不在建议列表中（可用：${known}）`, 'openRectification.suggestion');
};

export const RESULTS_USE_SETTINGS = object(
  {
    suggestions: list(object({ id: text('应写明建议的代码', (id) => `建议代码“${id}”重复`), label: text('应写明建议名称'), advice: text('应写明建议的说明') }), '至少需要一条建议（从宽到严排列）', { nonEmpty: true }),
    byGrade: list(object({ grade: text('应写明等级名称', (g) => `等级“${g}”重复`), suggestion: text('应写明该等级的建议') }), '至少需要一个等级的建议', { nonEmpty: true }),
    basis: list(oneOf(['evaluation', 'self-evaluation', 'review'] as const), '应为一组结果来源（evaluation、self-evaluation、review）', { nonEmpty: true }),
    openRectification: object({ suggestion: text('应写明整改未完成时的建议') }),
  },
  { checks: [knownSuggestion] },
);

/** The table of each scheme's settings. */
export const SETTINGS_TABLES = {
  'project-self-evaluation': PROJECT_SETTINGS,
  'department-self-evaluation': DEPARTMENT_SETTINGS,
  monitoring: MONITORING_SETTINGS,
  'target-review': REVIEW_SETTINGS,
  'results-use': RESULTS_USE_SETTINGS,
} as const satisfies Record<RuleScheme, SettingSpec>;

/** Compiles only while each table describes exactly the interface the scoring and review code reads. */
type Proven<T extends true> = T;
export type SettingsTablesMatchTypes = [
  Proven<Same<SettingType<typeof PROJECT_SETTINGS>, ProjectScoringSettings>>,
  Proven<Same<SettingType<typeof DEPARTMENT_SETTINGS>, DepartmentScoringSettings>>,
  Proven<Same<SettingType<typeof MONITORING_SETTINGS>, MonitoringSettings>>,
  Proven<Same<SettingType<typeof REVIEW_SETTINGS>, ReviewSettings>>,
  Proven<Same<SettingType<typeof RESULTS_USE_SETTINGS>, ResultsUseSettings>>,
];
