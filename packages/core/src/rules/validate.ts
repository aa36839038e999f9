/**
 * Validation of a rule set's settings against its scheme (decision 003): a bad local edit is refused with the
 * setting's name and what is wrong, in Chinese. Settings come from the database or an admin's edit, so everything is
 * checked from `unknown`.
 */
import type { RuleScheme, RuleSet } from './rule-set';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`设置 ${path}：${message}`);
  }
  obj(path: string, v: unknown): Obj | null {
    if (isObj(v)) return v;
    this.add(path, v === undefined ? '缺少此设置' : '应为一组设置（对象）');
    return null;
  }
  num(path: string, v: unknown, min: number, max: number, label = '数值'): number | null {
    if (!isNum(v)) {
      this.add(path, v === undefined ? '缺少此设置' : `${label}应为数字，现为 ${JSON.stringify(v)}`);
      return null;
    }
    if (v < min || v > max) {
      this.add(path, `${label}应在 ${fmt(min)}–${fmt(max)} 之间，现为 ${fmt(v)}`);
      return null;
    }
    return v;
  }
  int(path: string, v: unknown, min: number, max: number, label = '数值'): number | null {
    const n = this.num(path, v, min, max, label);
    if (n !== null && !Number.isInteger(n)) {
      this.add(path, `${label}应为整数，现为 ${fmt(n)}`);
      return null;
    }
    return n;
  }
  bool(path: string, v: unknown): void {
    if (typeof v !== 'boolean') this.add(path, '应为 true 或 false');
  }
  oneOf(path: string, v: unknown, allowed: readonly string[]): void {
    if (typeof v !== 'string' || !allowed.includes(v)) this.add(path, `应为 ${allowed.join(' / ')} 之一，现为 ${JSON.stringify(v)}`);
  }
  words(path: string, v: unknown, { nonEmpty = true } = {}): void {
    if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || w.trim() === '')) {
      this.add(path, '应为一组非空文字');
      return;
    }
    if (nonEmpty && v.length === 0) this.add(path, '至少需要一项');
  }
}

/** R3–R5: the indicator-scoring settings shared by project and department schemes. */
function indicatorSettings(p: Problems, s: Obj): void {
  p.bool('greaterThanMetAtEqual', s.greaterThanMetAtEqual);
  p.oneOf('lowerIsBetter', s.lowerIsBetter, ['linear-to-zero-at-2T', 'ratio']);
  p.num('overrunFactor', s.overrunFactor, 1, 100, '超额倍数');
  const tiers = p.obj('tiers', s.tiers);
  if (!tiers) return;
  const bands: Record<string, { min: number; max: number } | null> = {};
  for (const key of ['achieved', 'partly', 'notAchieved'] as const) {
    const t = p.obj(`tiers.${key}`, tiers[key]);
    if (!t) {
      bands[key] = null;
      continue;
    }
    const min = p.num(`tiers.${key}.min`, t.min, 0, 1, '下限（占权重的比例）');
    const max = p.num(`tiers.${key}.max`, t.max, 0, 1, '上限（占权重的比例）');
    const suggested = p.num(`tiers.${key}.suggested`, t.suggested, 0, 1, '建议得分（占权重的比例）');
    if (typeof t.label !== 'string' || !t.label.trim()) p.add(`tiers.${key}.label`, '应写明档次名称');
    if (min !== null && max !== null && min >= max) p.add(`tiers.${key}`, `下限 ${fmt(min)} 应小于上限 ${fmt(max)}`);
    if (min !== null && max !== null && suggested !== null && (suggested < min || suggested > max)) p.add(`tiers.${key}.suggested`, `建议得分 ${fmt(suggested)} 应在本档 ${fmt(min)}–${fmt(max)} 之内`);
    bands[key] = min !== null && max !== null ? { min, max } : null;
  }
  const { achieved, partly, notAchieved } = bands;
  if (achieved && achieved.max !== 1) p.add('tiers.achieved.max', `“达成”档上限应为 1（满分），现为 ${fmt(achieved.max)}`);
  if (notAchieved && notAchieved.min !== 0) p.add('tiers.notAchieved.min', `“未达成”档下限应为 0，现为 ${fmt(notAchieved.min)}`);
  if (partly && achieved && partly.max !== achieved.min) p.add('tiers', `三档应首尾相接：“部分达成”上限 ${fmt(partly.max)} 应等于“达成”下限 ${fmt(achieved.min)}`);
  if (notAchieved && partly && notAchieved.max !== partly.min) p.add('tiers', `三档应首尾相接：“未达成”上限 ${fmt(notAchieved.max)} 应等于“部分达成”下限 ${fmt(partly.min)}`);
}

function weightsSumTo(p: Problems, path: string, v: unknown, keys: readonly string[], total: number): void {
  const w = p.obj(path, v);
  if (!w) return;
  let sum = 0;
  let ok = true;
  for (const k of keys) {
    const n = p.num(`${path}.${k}`, w[k], 0, total, '分值');
    if (n === null) ok = false;
    else sum += n;
  }
  for (const k of Object.keys(w)) if (!keys.includes(k)) p.add(`${path}.${k}`, `没有这一项（可用：${keys.join('、')}）`);
  if (ok && Math.abs(sum - total) > 1e-9) p.add(path, `各项分值之和应为 ${total}，现为 ${fmt(sum)}（${keys.map((k) => `${k} ${fmt(w[k] as number)}`).join(' + ')}）`);
}

function executionMode(p: Problems, path: string, v: unknown): void {
  const e = p.obj(path, v);
  if (!e) return;
  p.oneOf(`${path}.mode`, e.mode, ['proportional', 'steps']);
  if (e.mode !== 'steps') return;
  if (!Array.isArray(e.steps) || e.steps.length === 0) {
    p.add(`${path}.steps`, '按档计分时至少需要一档');
    return;
  }
  let previous = Infinity;
  e.steps.forEach((step: unknown, i) => {
    const s = p.obj(`${path}.steps[${i}]`, step);
    if (!s) return;
    const rate = p.num(`${path}.steps[${i}].minRate`, s.minRate, 0, 1000, '执行率下限（%）');
    p.num(`${path}.steps[${i}].fraction`, s.fraction, 0, 1, '得分比例');
    if (rate !== null && rate >= previous) p.add(`${path}.steps`, '各档应按执行率下限从高到低排列，且不能重复');
    if (rate !== null) previous = rate;
  });
}

/** Grade bands (R7): highest first, minimums strictly falling, the last at 0, all within 0–`max`. */
function gradeProblems(p: Problems, path: string, v: unknown, max = 100): void {
  if (!Array.isArray(v) || v.length === 0) {
    p.add(path, '等级分数段至少需要一段');
    return;
  }
  const names = new Set<string>();
  let previous = Infinity;
  let last: number | null = null;
  v.forEach((band: unknown, i) => {
    const b = p.obj(`${path}[${i}]`, band);
    if (!b) return;
    if (typeof b.grade !== 'string' || !b.grade.trim()) p.add(`${path}[${i}].grade`, '应写明等级名称');
    else if (names.has(b.grade)) p.add(`${path}[${i}].grade`, `等级“${b.grade}”重复`);
    else names.add(b.grade);
    const min = p.num(`${path}[${i}].min`, b.min, 0, max, '最低分');
    if (min === null) return;
    if (min >= previous) p.add(path, `等级分数段应从高到低排列、首尾相接：第 ${i + 1} 段最低分 ${fmt(min)} 不低于上一段的 ${fmt(previous)}`);
    previous = min;
    last = min;
  });
  if (last !== null && last !== 0) p.add(path, `最低一段的最低分应为 0（否则低于 ${fmt(last)} 分的总分没有等级），现为 ${fmt(last)}`);
}

function projectSettings(p: Problems, s: Obj): void {
  indicatorSettings(p, s);
  weightsSumTo(p, 'weights', s.weights, ['execution', 'output', 'outcome', 'satisfaction', 'cost'], 100);
  executionMode(p, 'execution', s.execution);
  p.oneOf('noSatisfaction', s.noSatisfaction, ['pro-rata', 'split-even']);
  if (!Array.isArray(s.totalCaps)) p.add('totalCaps', '应为一组封顶规则（可为空）');
  else
    s.totalCaps.forEach((cap: unknown, i) => {
      const c = p.obj(`totalCaps[${i}]`, cap);
      if (!c) return;
      const from = p.num(`totalCaps[${i}].fromRate`, c.fromRate, 0, 100, '执行率下限（%）');
      const below = p.num(`totalCaps[${i}].belowRate`, c.belowRate, 0, 100, '执行率上限（%）');
      p.num(`totalCaps[${i}].maxTotal`, c.maxTotal, 0, 100, '总分上限');
      if (from !== null && below !== null && from >= below) p.add(`totalCaps[${i}]`, `执行率下限 ${fmt(from)}% 应小于上限 ${fmt(below)}%`);
    });
  if (s.deviationDeduction !== null) {
    const d = p.obj('deviationDeduction', s.deviationDeduction);
    if (d) {
      p.num('deviationDeduction.thresholdPercent', d.thresholdPercent, 0, 1000, '偏离比例（%）');
      p.num('deviationDeduction.points', d.points, 0, 100, '扣分');
    }
  }
  gradeProblems(p, 'grades', s.grades);
  if (s.statedScoreTolerance !== undefined) p.num('statedScoreTolerance', s.statedScoreTolerance, 0, 10, '得分容差');
  executionRange(p, s.executionRateRange);
}

function departmentSettings(p: Problems, s: Obj): void {
  indicatorSettings(p, s);
  weightsSumTo(p, 'weights', s.weights, ['spendingProgress', 'annualGoal', 'keyTasks'], 100);
  executionMode(p, 'spendingProgress', s.spendingProgress);
  gradeProblems(p, 'grades', s.grades);
  executionRange(p, s.executionRateRange);
}

/** Optional (older stored versions lack it): the execution rates reported as too high or too low. */
function executionRange(p: Problems, v: unknown): void {
  if (v === undefined) return;
  const r = p.obj('executionRateRange', v);
  if (!r) return;
  const low = p.num('executionRateRange.low', r.low, 0, 100, '执行率下限（%）');
  const high = p.num('executionRateRange.high', r.high, 0, 1000, '执行率上限（%）');
  if (low !== null && high !== null && low >= high) p.add('executionRateRange', `执行率下限 ${fmt(low)}% 应低于上限 ${fmt(high)}%`);
}

function monitoringSettings(p: Problems, s: Obj): void {
  p.int('defaultCutoffMonth', s.defaultCutoffMonth, 1, 12, '截止月份');
  const budget = p.obj('budgetLights', s.budgetLights);
  if (budget) {
    const red = p.num('budgetLights.red', budget.red, 0, 1000, '红灯界限（%）');
    const yellow = p.num('budgetLights.yellow', budget.yellow, 0, 1000, '黄灯界限（%）');
    if (red !== null && yellow !== null && red >= yellow) p.add('budgetLights', `红灯界限 ${fmt(red)} 应低于黄灯界限 ${fmt(yellow)}`);
  }
  const lights = p.obj('indicatorLights', s.indicatorLights);
  if (lights) {
    const red = p.num('indicatorLights.red', lights.red, 0, 1000, '红灯界限（%）');
    const yellow = p.num('indicatorLights.yellow', lights.yellow, 0, 1000, '黄灯界限（%）');
    const blue = p.num('indicatorLights.blue', lights.blue, 0, 10000, '蓝灯界限（%）');
    if (red !== null && yellow !== null && red >= yellow) p.add('indicatorLights', `红灯界限 ${fmt(red)} 应低于黄灯界限 ${fmt(yellow)}`);
    if (yellow !== null && blue !== null && yellow >= blue) p.add('indicatorLights', `黄灯界限 ${fmt(yellow)} 应低于蓝灯界限 ${fmt(blue)}`);
  }
  p.words('deviationReasons', s.deviationReasons);
  p.words('likelihoods', s.likelihoods);
  p.words('measures', s.measures);
  p.bool('explanationRequired', s.explanationRequired);
  const modes = p.obj('indicatorModes', s.indicatorModes);
  if (modes) {
    const level2 = ['quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainability', 'beneficiarySatisfaction'];
    if (!Array.isArray(modes.inRangeLevel2)) p.add('indicatorModes.inRangeLevel2', '应为一组二级指标');
    else modes.inRangeLevel2.forEach((v: unknown, i) => p.oneOf(`indicatorModes.inRangeLevel2[${i}]`, v, level2));
    if (!Array.isArray(modes.yearEndLevel1)) p.add('indicatorModes.yearEndLevel1', '应为一组一级指标');
    else modes.yearEndLevel1.forEach((v: unknown, i) => p.oneOf(`indicatorModes.yearEndLevel1[${i}]`, v, ['output', 'outcome', 'satisfaction', 'cost']));
    p.words('indicatorModes.yearEndNameWords', modes.yearEndNameWords, { nonEmpty: false });
    p.words('indicatorModes.notProratedUnits', modes.notProratedUnits, { nonEmpty: false });
  }
}

const SEVERITIES = ['error', 'warning', 'info'] as const;
const DIMENSIONS = ['completeness', 'relevance', 'appropriateness', 'feasibility', 'consistency', 'wording'] as const;
const SCORED = ['completeness', 'relevance', 'appropriateness', 'feasibility'] as const;

function reviewSettings(p: Problems, s: Obj): void {
  const sev = p.obj('severities', s.severities);
  if (sev) for (const [k, v] of Object.entries(sev)) p.oneOf(`severities.${k}`, v, SEVERITIES);
  if (!Array.isArray(s.requiredLevel1)) p.add('requiredLevel1', '应为一组一级指标');
  else s.requiredLevel1.forEach((v: unknown, i) => p.oneOf(`requiredLevel1[${i}]`, v, ['output', 'outcome', 'satisfaction', 'cost']));
  p.int('minIndicators', s.minIndicators, 0, 1000, '指标个数');
  p.num('minSatisfactionTarget', s.minSatisfactionTarget, 0, 100, '满意度目标下限（%）');
  p.oneOf('levelMismatchByNameSeverity', s.levelMismatchByNameSeverity, SEVERITIES);
  for (const key of ['rateNameEndings', 'countNameEndings', 'processWords', 'timelinessWords', 'costWords'] as const) p.words(key, s[key], { nonEmpty: false });
  if (s.quantityRateWords !== undefined) p.words('quantityRateWords', s.quantityRateWords, { nonEmpty: false });
  if (!Array.isArray(s.qualitativeAdvice) || s.qualitativeAdvice.length === 0) p.add('qualitativeAdvice', '至少需要一条修改建议');
  else
    s.qualitativeAdvice.forEach((a: unknown, i) => {
      const o = p.obj(`qualitativeAdvice[${i}]`, a);
      if (!o) return;
      p.words(`qualitativeAdvice[${i}].words`, o.words, { nonEmpty: false });
      if (typeof o.suggestion !== 'string' || !o.suggestion.trim()) p.add(`qualitativeAdvice[${i}].suggestion`, '应写明修改建议');
    });
  if (!Array.isArray(s.suspectWordings)) p.add('suspectWordings', '应为一组易错写法（可为空）');
  p.int('duplicateTextMinLength', s.duplicateTextMinLength, 1, 10000, '字数');
  p.int('repeatedPhraseMinLength', s.repeatedPhraseMinLength, 1, 10000, '字数');
  p.num('keyTaskWeightTotal', s.keyTaskWeightTotal, 0, 100, '分值');
  p.num('projectIndicatorWeightTotal', s.projectIndicatorWeightTotal, 0, 100, '分值');
  const dims = p.obj('dimensionScoring', s.dimensionScoring);
  if (dims) for (const d of DIMENSIONS) p.oneOf(`dimensionScoring.${d}`, dims[d], SCORED);
  const points = p.num('pointsPerDimension', s.pointsPerDimension, 1, 100, '每个维度的分值');
  const deductions = p.obj('deductions', s.deductions);
  if (deductions) for (const k of SEVERITIES) p.num(`deductions.${k}`, deductions[k], 0, 100, '扣分');
  p.num('maxDeductionPerCheck', s.maxDeductionPerCheck, 0, 100, '扣分上限');
  gradeProblems(p, 'grades', s.grades, points === null ? 100 : points * SCORED.length);
}

const BY_SCHEME: Record<RuleScheme, (p: Problems, s: Obj) => void> = {
  'project-self-evaluation': projectSettings,
  'department-self-evaluation': departmentSettings,
  monitoring: monitoringSettings,
  'target-review': reviewSettings,
};

export const RULE_SCHEMES = Object.keys(BY_SCHEME) as RuleScheme[];

export const SCHEME_LABELS: Record<RuleScheme, string> = {
  'target-review': '绩效目标审核',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
  monitoring: '绩效运行监控',
};

/** Problems of the settings for the scheme (empty = valid), each naming the setting, in Chinese. */
export function validateRuleSetSettings(scheme: RuleScheme, settings: unknown): string[] {
  const p = new Problems();
  const check = BY_SCHEME[scheme];
  if (!check) return [`规则类型 ${String(scheme)} 不存在（可用：${RULE_SCHEMES.join('、')}）`];
  if (!isObj(settings)) return ['规则集的设置（settings）应为一组设置（对象）'];
  check(p, settings);
  return p.list;
}

/** Problems of a whole rule set: identity, years, sources, then its settings. */
export function validateRuleSet(ruleSet: RuleSet<unknown>): string[] {
  const problems: string[] = [];
  if (typeof ruleSet.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(ruleSet.id)) problems.push(`规则集编号 ${JSON.stringify(ruleSet.id)} 无效：只能用小写字母、数字和连字符，最长 64 个字符`);
  if (!Number.isInteger(ruleSet.version) || ruleSet.version < 1) problems.push(`版本号 ${String(ruleSet.version)} 无效：应为正整数`);
  if (!RULE_SCHEMES.includes(ruleSet.scheme)) problems.push(`规则类型 ${String(ruleSet.scheme)} 不存在（可用：${RULE_SCHEMES.join('、')}）`);
  if (typeof ruleSet.region !== 'string' || !ruleSet.region.trim()) problems.push('应写明适用地区（全国、广东省、荔湾区 …）');
  if (typeof ruleSet.name !== 'string' || !ruleSet.name.trim()) problems.push('应写明规则集名称');
  const { from, to } = ruleSet.years ?? { from: null, to: null };
  for (const y of [from, to]) if (y !== null && (!Number.isInteger(y) || y < 1990 || y > 2100)) problems.push(`适用年度 ${String(y)} 无效：应为四位年份`);
  if (from !== null && to !== null && from > to) problems.push(`适用年度起 ${from} 晚于止 ${to}`);
  if (!Array.isArray(ruleSet.sources) || ruleSet.sources.length === 0) problems.push('应至少写明一个依据文件（文号）');
  else ruleSet.sources.forEach((s, i) => (!s || typeof s.docNo !== 'string' || !s.docNo.trim() ? problems.push(`依据文件第 ${i + 1} 项缺少文号`) : undefined));
  if (RULE_SCHEMES.includes(ruleSet.scheme)) problems.push(...validateRuleSetSettings(ruleSet.scheme, ruleSet.settings));
  return problems;
}
