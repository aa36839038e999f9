import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../testing/builders';
import { validateRuleSetSettings } from '../rules/validate';
import { applySettingChanges } from '../rules/manage';
import { NATIONAL_MONITORING } from './builtin-rule-sets';
import { budgetLineKey, describeIncomplete, indicatorLineKey, monitorDocument, TOTAL_LINE_KEY, type MonitoringEntries } from './monitor-document';

const ruleSet = NATIONAL_MONITORING;
const explained = { reason: '经费保障', explanation: '资金 8 月才到位', likelihood: '有可能', measures: ['调整执行计划'] };

function docWith(amount: number | null, indicators: Parameters<typeof buildProject>[0]['indicators'] = []) {
  return buildDocument({ projects: [buildProject({ name: '社区活动经费', amount, indicators })] });
}

const run = (doc: ReturnType<typeof docWith>, entries: MonitoringEntries, cutoffMonth = 7) => monitorDocument({ document: doc, entries, cutoffMonth, ruleSet });

describe('R10 monitorDocument: budget lines', () => {
  it('rules.md example: 120 budget, 50 spent by July → 41.67% vs 58.33% → ratio 71.4 → yellow, needing reasons', () => {
    const r = run(docWith(120), { budget: { [budgetLineKey(0, 0)]: { spent: 50 } } });
    const line = r.budgetLines[0]!;
    expect(line).toMatchObject({ budget: 120, spent: 50, executionRate: 41.67, timeProgress: 58.33, ratio: 71.4, light: 'yellow', setting: 'budgetLights' });
    expect(line.reasons[0]).toContain('比值 71.4');
    expect(line.missing).toEqual(['偏差原因（经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他）', '原因说明', '完成可能性（确定能 / 有可能 / 完全不可能）', '纠偏措施（调整执行计划 / 申请调整目标 / 调减预算 / 暂缓或停止拨款 / 完善管理）']);
    expect(r.ruleSet).toBe('cn-monitoring@1');
  });

  it.each([
    // ratio = spent / 120 ÷ (7/12) × 100; bands: < 60 red, < 80 yellow, else green
    [41.99, 'red', 60],
    [42, 'yellow', 60],
    [55.99, 'yellow', 80],
    [56, 'green', 80],
    [120, 'green', 171.4],
  ] as const)('spent %s of 120 by July → %s (ratio %s)', (spent, light, ratio) => {
    const line = run(docWith(120), { budget: { [budgetLineKey(0, 0)]: { spent } } }).budgetLines[0]!;
    expect(line.light).toBe(light);
    expect(line.ratio).toBeCloseTo(ratio, 0);
  });

  it('an adjusted budget replaces the planned one; no figures → no light and the figure is missing', () => {
    const r = run(docWith(100), { budget: { [budgetLineKey(0, 0)]: { adjustedBudget: 120, spent: 70 } } });
    expect(r.budgetLines[0]).toMatchObject({ plannedBudget: 100, budget: 120, adjusted: true, light: 'green', missing: [] });
    const empty = run(docWith(null), {});
    expect(empty.budgetLines[0]).toMatchObject({ light: null, missing: ['全年预算数', '1–7月执行数'] });
  });

  it('sums the whole in fen (0.1 + 0.2 = 0.3 exactly) and computes it only when every project is filled', () => {
    const doc = buildDocument({ projects: [buildProject({ name: '甲', amount: 0.1 }), buildProject({ name: '乙', amount: 0.2 })] });
    const partial = monitorDocument({ document: doc, entries: { budget: { [budgetLineKey(0, 0)]: { spent: 0.1 } } }, cutoffMonth: 12, ruleSet });
    expect(partial.total).toMatchObject({ light: null, budget: 0.3, missing: [] });
    expect(partial.total.reasons[0]).toContain('还有 1 个项目');
    const full = monitorDocument({ document: doc, entries: { budget: { [budgetLineKey(0, 0)]: { spent: 0.1 }, [budgetLineKey(0, 1)]: { spent: 0.2 } } }, cutoffMonth: 12, ruleSet });
    expect(full.total).toMatchObject({ key: TOTAL_LINE_KEY, budget: 0.3, spent: 0.3, executionRate: 100, light: 'green' });
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe('R10 monitorDocument: indicator lines', () => {
  const ik = indicatorLineKey(0, 0, 0);

  it('rules.md example: ≥24场, 10 by July → 14 expected → 71.4% → yellow', () => {
    const line = run(docWith(10, [{ name: '全年开展活动场次', annual: '≥24场' }]), { indicators: { [ik]: { actual: 10 } } }).indicatorLines[0]!;
    expect(line).toMatchObject({ mode: 'prorated', prorate: true, expected: 14, ratio: 71.4, light: 'yellow' });
    expect(line.missing).toHaveLength(4);
  });

  it.each([
    [8, 'red'],
    [8.4, 'yellow'],
    [11.2, 'green'],
    [16.8, 'blue'],
  ] as const)('≥24场 by July, %s done → %s (bands 60 / 80 / 120 of the prorated 14)', (actual, light) => {
    expect(run(docWith(10, [{ name: '举办活动次数', annual: '≥24场' }]), { indicators: { [ik]: { actual } } }).indicatorLines[0]!.light).toBe(light);
  });

  it('a satisfaction survey is year-end: not prorated, no figure needed yet; the owner can prorate it', () => {
    const doc = docWith(10, [{ name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }]);
    expect(run(doc, {}).indicatorLines[0]).toMatchObject({ yearEnd: true, prorate: false, light: null, missing: [] });
    expect(run(doc, { indicators: { [ik]: { actual: 85 } } }).indicatorLines[0]).toMatchObject({ mode: 'whole', expected: 90, light: 'green' });
    const overridden = run(doc, { indicators: { [ik]: { actual: 85, prorate: true } } }).indicatorLines[0]!;
    expect(overridden).toMatchObject({ mode: 'prorated', expected: 52.5, light: 'blue' });
    expect(overridden.reasons.at(-1)).toContain('按填报人设置');
  });

  it('a count that is not prorated (override false) is compared with the whole target', () => {
    const doc = docWith(10, [{ name: '举办活动次数', annual: '≥24场' }]);
    expect(run(doc, { indicators: { [ik]: { actual: 14, prorate: false } } }).indicatorLines[0]).toMatchObject({ mode: 'whole', expected: 24, light: 'red' });
  });

  it('lower-is-better and quality indicators: in range green, else red (no yellow)', () => {
    const doc = docWith(10, [
      { name: '物业管理服务响应时长', annual: '≦2个小时', levels: '1-产出指标; 13-时效指标' },
      { name: '服务验收合格率', annual: '100%', levels: '1-产出指标; 12-质量指标' },
    ]);
    const ok = run(doc, { indicators: { [ik]: { actual: 1.5 }, [indicatorLineKey(0, 0, 1)]: { actual: 100 } } }).indicatorLines;
    expect(ok.map((l) => [l.mode, l.light])).toEqual([
      ['lower', 'green'],
      ['in-range', 'green'],
    ]);
    const bad = run(doc, { indicators: { [ik]: { actual: 3 }, [indicatorLineKey(0, 0, 1)]: { actual: 99 } } }).indicatorLines;
    expect(bad.map((l) => l.light)).toEqual(['red', 'red']);
  });

  it('qualitative: the tier decides (达成 green, 部分达成 yellow, 未达成 red); no tier is missing', () => {
    const doc = docWith(10, [{ name: '居委会办公场地环境', annual: '提升', levels: '2-效益指标; 22-社会效益' }]);
    expect(run(doc, {}).indicatorLines[0]).toMatchObject({ mode: 'qualitative', light: null, missing: ['完成程度（达成 / 部分达成 / 未达成）'] });
    expect(['achieved', 'partly', 'notAchieved'].map((tier) => run(doc, { indicators: { [ik]: { tier: tier as 'achieved' } } }).indicatorLines[0]!.light)).toEqual(['green', 'yellow', 'red']);
  });

  it('rates (%) are not prorated by default: 工资支付率 100%, 70 paid → 70% → yellow', () => {
    const line = run(docWith(10, [{ name: '工资支付率', annual: '100%' }]), { indicators: { [ik]: { actual: 70 } } }).indicatorLines[0]!;
    expect(line).toMatchObject({ mode: 'whole', prorateDefault: false, expected: 100, light: 'yellow' });
  });
});

describe('R10 monitorDocument: what is missing before submitting', () => {
  it('a non-green line is complete only with a listed reason, an explanation, a likelihood and listed measures', () => {
    const k = budgetLineKey(0, 0);
    const doc = docWith(120);
    const withDeviation = (deviation: object) => run(doc, { budget: { [k]: { spent: 50, deviation } } });
    expect(withDeviation(explained).incomplete).toEqual([]);
    expect(withDeviation({ ...explained, reason: '天气原因' }).budgetLines[0]!.missing[0]).toMatch(/^偏差原因/);
    expect(withDeviation({ ...explained, explanation: '  ' }).budgetLines[0]!.missing).toEqual(['原因说明']);
    expect(withDeviation({ ...explained, measures: [] }).budgetLines[0]!.missing).toEqual(['纠偏措施（调整执行计划 / 申请调整目标 / 调减预算 / 暂缓或停止拨款 / 完善管理）']);
    const r = withDeviation({ reason: '经费保障' });
    expect(describeIncomplete(r)).toMatch(/^预算执行「社区活动经费」：缺原因说明、完成可能性/);
  });

  it('the option lists are rule-set data: a copy with other reasons is obeyed and validated', () => {
    const local = { ...ruleSet, settings: applySettingChanges(ruleSet.settings, { deviationReasons: ['资金未到位', '其他'], explanationRequired: false }) };
    const r = monitorDocument({ document: docWith(120), entries: { budget: { [budgetLineKey(0, 0)]: { spent: 50, deviation: { reason: '资金未到位', likelihood: '有可能', measures: ['完善管理'] } } } }, cutoffMonth: 7, ruleSet: local });
    expect(r.incomplete).toEqual([]);
    expect(validateRuleSetSettings('monitoring', ruleSet.settings)).toEqual([]);
    expect(validateRuleSetSettings('monitoring', applySettingChanges(ruleSet.settings, { 'indicatorModes.inRangeLevel2': ['品质'], explanationRequired: 'yes' }))).toEqual([
      '设置 explanationRequired：应为 true 或 false',
      '设置 indicatorModes.inRangeLevel2[0]：应为 quantity / quality / timeliness / cost / economic / social / ecological / sustainability / beneficiarySatisfaction 之一，现为 "品质"',
    ]);
  });
});
