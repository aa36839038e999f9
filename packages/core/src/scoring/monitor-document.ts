/**
 * A whole monitoring report (运行监控, R10) of one target document at a cut-off month: a budget line per project and
 * one for the whole (合计), an indicator line per indicator, each with its light, the reasons for it, and what the
 * unit must still enter — figures, and for every non-green line a deviation reason with its explanation, a
 * likelihood of completion and measures, all chosen from the rule set's lists. Pure: the same function runs on the
 * server (stored result, submit) and in the browser (lights while the numbers are typed).
 */
import type { AmountUnit, Indicator, PerformanceDocument, QualitativeTier } from '../document/model';
import { level1KeyOf, level2KeyOf } from '../indicators/levels';
import { sumAmounts } from '../money/amount';
import type { RuleSet } from '../rules/rule-set';
import { ruleSetRef } from '../rules/rule-set';
import { LIGHT_LABELS, missingDeviationFields, monitorBudget, monitorIndicator } from './monitoring';
import type { Light, MonitoringSettings } from './settings';

/** What the unit says about a non-green line. */
export interface MonitoringDeviation {
  /** 偏差原因, one of the rule set's `deviationReasons`. */
  reason?: string | null;
  /** 原因说明, in the unit's words. */
  explanation?: string | null;
  /** 完成可能性, one of `likelihoods`. */
  likelihood?: string | null;
  /** 纠偏措施, some of `measures`. */
  measures?: string[] | null;
}

export interface MonitoringBudgetEntry {
  /** 全年预算数 after an adjustment, when it differs from the target document's amount. */
  adjustedBudget?: number | null;
  /** 1–N月执行数, cumulative, in the document's amount unit. */
  spent?: number | null;
  deviation?: MonitoringDeviation | null;
}

export interface MonitoringIndicatorEntry {
  /** 截至目前完成值 of a quantitative indicator, in the target's unit. */
  actual?: number | null;
  /** The unit's own assessment of a qualitative indicator. */
  tier?: QualitativeTier | null;
  /** Overrides whether the target is prorated to the month (default from the rule set's `indicatorModes`). */
  prorate?: boolean | null;
  deviation?: MonitoringDeviation | null;
}

/** What a unit enters for a monitoring report, by line key (`budgetLineKey`, `indicatorLineKey`). */
export interface MonitoringEntries {
  budget?: Record<string, MonitoringBudgetEntry>;
  /** The explanation of the whole (合计) line. */
  total?: { deviation?: MonitoringDeviation | null } | null;
  indicators?: Record<string, MonitoringIndicatorEntry>;
}

export const TOTAL_LINE_KEY = 'total';
/** A project's budget line: unit index and project index in the target document. */
export const budgetLineKey = (unit: number, project: number): string => `p-${unit}-${project}`;
/** An indicator line: a project's indicator by position, or (`unit` null) a department-wide indicator. */
export const indicatorLineKey = (unit: number | null, project: number | null, k: number): string => (unit === null || project === null ? `i-d-${k}` : `i-${unit}-${project}-${k}`);

interface LineBase {
  key: string;
  /** The line as a person names it in a message: 「街道综合工作经费」, 「街道综合工作经费 / 举办活动次数」. */
  label: string;
  light: Light | null;
  /** Why the light is what it is (or why there is none), with the figures and the setting that decided it. */
  reasons: string[];
  /** The setting of the rule set that decided the light. */
  setting: string;
  deviation: MonitoringDeviation;
  /** What must still be entered before the report can be submitted (empty = complete). */
  missing: string[];
}

export interface MonitoringBudgetLine extends LineBase {
  kind: 'budget';
  unit: string | null;
  /** null for the whole (合计). */
  project: string | null;
  /** The amount of the target document. */
  plannedBudget: number | null;
  /** 全年预算数 used: the adjusted budget entered, else the planned one. */
  budget: number | null;
  adjusted: boolean;
  spent: number | null;
  executionRate: number | null;
  timeProgress: number;
  ratio: number | null;
}

/** How an indicator is compared at the cut-off month. */
export type IndicatorMonitoringMode = 'prorated' | 'whole' | 'in-range' | 'lower' | 'qualitative';

export interface MonitoringIndicatorLine extends LineBase {
  kind: 'indicator';
  unit: string | null;
  project: string | null;
  no: number;
  level1: string | null;
  level2: string | null;
  name: string;
  /** 年度指标值 as written. */
  target: string | null;
  targetUnit: string | null;
  mode: IndicatorMonitoringMode;
  /** Whether the target is prorated (the override, else the rule set's default). */
  prorate: boolean;
  prorateDefault: boolean;
  /** Surveys and the like, measured once at year end: no figure is needed before then. */
  yearEnd: boolean;
  actual: number | null;
  tier: QualitativeTier | null;
  /** 序时目标: the target prorated to the month, or the whole target. */
  expected: number | null;
  ratio: number | null;
}

export interface MonitoringResult {
  ruleSet: string;
  cutoffMonth: number;
  timeProgress: number;
  amountUnit: AmountUnit;
  budgetLines: MonitoringBudgetLine[];
  total: MonitoringBudgetLine;
  indicatorLines: MonitoringIndicatorLine[];
  counts: Record<Light | 'none', number>;
  /** The lines that still lack something, in table order. */
  incomplete: Array<{ key: string; label: string; missing: string[] }>;
}

export interface MonitorDocumentInput {
  document: PerformanceDocument;
  entries: MonitoringEntries;
  cutoffMonth: number;
  ruleSet: RuleSet<MonitoringSettings>;
}

const TIER_LABELS: Record<QualitativeTier, string> = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' };

function deviationMissing(light: Light | null, d: MonitoringDeviation, s: MonitoringSettings): string[] {
  const missing = missingDeviationFields(light, d, s);
  if (light && light !== 'green' && s.explanationRequired && !d.explanation?.trim()) {
    // Right after 偏差原因 when that is missing too, else first: the order of the table's columns.
    missing.splice(missing[0]?.startsWith('偏差原因') ? 1 : 0, 0, '原因说明');
  }
  return missing;
}

function budgetLine(
  base: { key: string; label: string; unit: string | null; project: string | null; plannedBudget: number | null; budget: number | null; adjusted: boolean; spent: number | null; deviation: MonitoringDeviation },
  input: MonitorDocumentInput,
  blocked: string | null,
): MonitoringBudgetLine {
  const s = input.ruleSet.settings;
  const m = input.cutoffMonth;
  const unit = input.document.amountUnit;
  const dataMissing: string[] = [];
  if (base.budget == null) dataMissing.push('全年预算数');
  if (base.spent == null && !blocked) dataMissing.push(`1–${m}月执行数`);
  const timeProgress = monitorBudget(1, 0, m, unit, s).timeProgress;
  const empty = { kind: 'budget' as const, executionRate: null, timeProgress, ratio: null, light: null, setting: 'budgetLights' };
  if (blocked) return { ...base, ...empty, reasons: [blocked], missing: dataMissing };
  if (base.budget == null || base.spent == null) {
    return { ...base, ...empty, reasons: [base.budget == null ? '目标表没有该项目的金额，请填写全年预算数' : `请填写 1–${m}月执行数`], missing: dataMissing };
  }
  const r = monitorBudget(base.budget, base.spent, m, unit, s);
  return {
    ...base,
    kind: 'budget',
    executionRate: r.executionRate,
    timeProgress: r.timeProgress,
    ratio: r.ratio,
    light: r.light,
    setting: 'budgetLights',
    reasons: r.reasons,
    missing: deviationMissing(r.light, base.deviation, s),
  };
}

/** Whether the indicator is, by the rule set, a year-end one (surveys) and whether its target is prorated by default. */
export function indicatorDefaults(indicator: Pick<Indicator, 'name' | 'level1' | 'level1Code' | 'annualTarget' | 'periodTarget'>, s: MonitoringSettings): { yearEnd: boolean; prorate: boolean } {
  const modes = s.indicatorModes;
  const level1 = level1KeyOf({ code: indicator.level1Code, name: indicator.level1 });
  const yearEnd = (level1 !== undefined && modes.yearEndLevel1.includes(level1)) || modes.yearEndNameWords.some((w) => w && indicator.name.includes(w));
  const unit = (indicator.annualTarget ?? indicator.periodTarget)?.unit ?? null;
  return { yearEnd, prorate: !yearEnd && !(unit !== null && modes.notProratedUnits.includes(unit)) };
}

function indicatorLine(
  where: { key: string; unit: string | null; project: string | null },
  ind: Indicator,
  entry: MonitoringIndicatorEntry,
  input: MonitorDocumentInput,
): MonitoringIndicatorLine {
  const s = input.ruleSet.settings;
  const m = input.cutoffMonth;
  const target = ind.annualTarget ?? ind.periodTarget;
  const defaults = indicatorDefaults(ind, s);
  const prorate = entry.prorate ?? defaults.prorate;
  const deviation = entry.deviation ?? {};
  const actual = entry.actual ?? null;
  const tier = entry.tier ?? null;
  const quantitative = target?.kind === 'quantitative' && target.value != null;
  const lower = quantitative && (ind.direction === 'lower' || target.op === '<=' || target.op === '<');
  const level2 = level2KeyOf({ code: ind.level2Code, name: ind.level2 });
  const inRange = quantitative && !lower && level2 !== undefined && s.indicatorModes.inRangeLevel2.includes(level2);
  const mode: IndicatorMonitoringMode = !quantitative ? 'qualitative' : lower ? 'lower' : inRange ? 'in-range' : prorate ? 'prorated' : 'whole';
  const base = {
    ...where,
    kind: 'indicator' as const,
    label: where.project ? `${where.project} / ${ind.name}` : ind.name,
    no: ind.no,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    target: target?.text ?? null,
    targetUnit: target?.unit ?? null,
    mode,
    prorate: mode === 'prorated',
    prorateDefault: defaults.prorate,
    yearEnd: defaults.yearEnd,
    actual,
    tier,
    deviation,
  };
  const setting = mode === 'prorated' || mode === 'whole' ? 'indicatorLights' : mode === 'qualitative' ? 'indicatorLights（定性：达成绿 / 部分达成黄 / 未达成红）' : `indicatorModes.${mode === 'lower' ? '反向指标' : 'inRangeLevel2'}`;
  const done = (light: Light | null, expected: number | null, ratio: number | null, reasons: string[], dataMissing: string[] = []): MonitoringIndicatorLine => ({
    ...base,
    light,
    expected,
    ratio,
    reasons,
    setting,
    missing: [...dataMissing, ...deviationMissing(light, deviation, s)],
  });

  if (mode === 'qualitative') {
    const r = monitorIndicator({ indicator: ind, actualToDate: null, cutoffMonth: m, prorate: false, tier }, s);
    const why = target ? r.reasons : ['目标表没有该指标的指标值，按定性指标评定目前的完成程度', ...(tier ? r.reasons : [])];
    return done(r.light, null, null, why, tier ? [] : ['完成程度（达成 / 部分达成 / 未达成）']);
  }
  const T = target!.value!;
  const u = target!.unit ?? '';
  if (actual == null) {
    if (defaults.yearEnd) return done(null, T, null, [`年终一次性指标（如满意度调查），年底测评后填报；目标 ${target!.text}`]);
    return done(null, mode === 'prorated' ? monitorIndicator({ indicator: ind, actualToDate: 0, cutoffMonth: m, prorate: true }, s).expected : T, null, ['请填写截至目前的完成值'], ['截至目前完成值']);
  }
  if (mode === 'in-range') {
    const ok = target!.op === '>' ? actual > T : actual >= T;
    const light: Light = ok ? 'green' : 'red';
    return done(light, T, null, [`质量、时效、成本类指标不按月折算：目前 ${actual}${u}，目标 ${target!.text}，${ok ? '已达到' : '未达到'} → ${LIGHT_LABELS[light]}`]);
  }
  const r = monitorIndicator({ indicator: ind, actualToDate: actual, cutoffMonth: m, prorate: mode === 'prorated' }, s);
  const why = mode === 'whole' && !defaults.yearEnd && entry.prorate == null ? [...r.reasons, `比率类指标（单位 ${u}）不按月折算`] : r.reasons;
  return done(r.light, r.expected, r.ratio, entry.prorate != null && entry.prorate !== defaults.prorate ? [...why, `按填报人设置${entry.prorate ? '按月折算' : '不按月折算'}`] : why);
}

/**
 * Every line of the monitoring report (R10). Budget amounts are summed in fen (`sumAmounts`); a rate is rounded
 * once. The whole (合计) line is computed only once every project has both figures, so a partial sum never shows
 * a light; it needs no explanation of its own (its projects' lines carry them).
 */
export function monitorDocument(input: MonitorDocumentInput): MonitoringResult {
  const { document: doc, entries, cutoffMonth: m } = input;
  const budgetEntries = entries.budget ?? {};
  const indicatorEntries = entries.indicators ?? {};
  const budgetLines: MonitoringBudgetLine[] = [];
  const indicatorLines: MonitoringIndicatorLine[] = [];
  const twoUnits = doc.units.length > 1;
  doc.units.forEach((unit, u) =>
    unit.projects.forEach((project, p) => {
      const key = budgetLineKey(u, p);
      const e = budgetEntries[key] ?? {};
      const budget = e.adjustedBudget ?? project.amount;
      const label = twoUnits ? `${unit.name} / ${project.name}` : project.name;
      budgetLines.push(
        budgetLine({ key, label, unit: unit.name, project: project.name, plannedBudget: project.amount, budget, adjusted: e.adjustedBudget != null, spent: e.spent ?? null, deviation: e.deviation ?? {} }, input, null),
      );
      project.indicators.forEach((ind, k) => {
        const ik = indicatorLineKey(u, p, k);
        indicatorLines.push(indicatorLine({ key: ik, unit: unit.name, project: label }, ind, indicatorEntries[ik] ?? {}, input));
      });
    }),
  );
  (doc.indicators ?? []).forEach((ind, k) => {
    const ik = indicatorLineKey(null, null, k);
    indicatorLines.push(indicatorLine({ key: ik, unit: null, project: null }, ind, indicatorEntries[ik] ?? {}, input));
  });

  const unfilled = budgetLines.filter((l) => l.budget == null || l.spent == null).length;
  const unit = doc.amountUnit;
  const totalBudget = sumAmounts(
    budgetLines.map((l) => l.budget),
    unit,
  );
  const totalSpent = sumAmounts(
    budgetLines.map((l) => l.spent),
    unit,
  );
  const total = budgetLine(
    {
      key: TOTAL_LINE_KEY,
      label: '合计',
      unit: null,
      project: null,
      plannedBudget: sumAmounts(
        budgetLines.map((l) => l.plannedBudget),
        unit,
      ),
      budget: totalBudget,
      adjusted: budgetLines.some((l) => l.adjusted),
      spent: totalSpent,
      deviation: entries.total?.deviation ?? {},
    },
    input,
    budgetLines.length === 0 ? '目标表中没有项目' : unfilled > 0 ? `还有 ${unfilled} 个项目未填齐全年预算数和执行数，合计暂不计算` : null,
  );
  // The whole is explained by its projects' lines: asking the unit to explain the sum again adds typing, not facts.
  total.missing = [];

  const counts: MonitoringResult['counts'] = { red: 0, yellow: 0, green: 0, blue: 0, none: 0 };
  const all = [...budgetLines, total, ...indicatorLines];
  for (const l of all) counts[l.light ?? 'none'] += 1;
  return {
    ruleSet: ruleSetRef(input.ruleSet),
    cutoffMonth: m,
    timeProgress: total.timeProgress,
    amountUnit: unit,
    budgetLines,
    total,
    indicatorLines,
    counts,
    incomplete: all.filter((l) => l.missing.length > 0).map((l) => ({ key: l.key, label: l.kind === 'budget' ? `预算执行「${l.label}」` : `指标「${l.label}」`, missing: l.missing })),
  };
}

/** The Chinese list of what still blocks submitting, one line per line of the report (empty = may submit). */
export function describeIncomplete(result: MonitoringResult, max = 20): string {
  const lines = result.incomplete.slice(0, max).map((l) => `${l.label}：缺${l.missing.join('、')}`);
  const more = result.incomplete.length > max ? `；另有 ${result.incomplete.length - max} 行未列出` : '';
  return `${lines.join('；')}${more}`;
}

export { TIER_LABELS as MONITORING_TIER_LABELS };
