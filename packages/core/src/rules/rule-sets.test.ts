import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_TARGET_REVIEW } from '../review/builtin-rule-set';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_MONITORING, NATIONAL_PROJECT_SELF_EVALUATION } from '../scoring/builtin-rule-sets';
import { BUILTIN_RULE_SETS } from './builtin';
import { activeRuleSet, applySettingChanges, copyRuleSet, parseRuleSetRef, parseSettingValue, parseYears, type RuleSetCandidate } from './manage';
import { ruleSetRef } from './rule-set';
import { validateRuleSet, validateRuleSetSettings } from './validate';

describe('validateRuleSetSettings', () => {
  it('accepts every built-in rule set', () => {
    expect(BUILTIN_RULE_SETS.map((r) => ({ ref: ruleSetRef(r), problems: validateRuleSet(r) }))).toEqual(BUILTIN_RULE_SETS.map((r) => ({ ref: ruleSetRef(r), problems: [] })));
  });

  it('refuses project weights that do not add up to 100, naming the setting', () => {
    const settings = applySettingChanges(NATIONAL_PROJECT_SELF_EVALUATION.settings, { 'weights.execution': 15 });
    expect(validateRuleSetSettings('project-self-evaluation', settings)).toEqual([expect.stringMatching(/^设置 weights：各项分值之和应为 100，现为 105/)]);
  });

  it('refuses caps outside 0–100 and reversed rate ranges', () => {
    const settings = applySettingChanges(NATIONAL_PROJECT_SELF_EVALUATION.settings, { totalCaps: [{ fromRate: 70, belowRate: 60, maxTotal: 120 }] });
    const problems = validateRuleSetSettings('project-self-evaluation', settings);
    expect(problems).toContain('设置 totalCaps[0].maxTotal：总分上限应在 0–100 之间，现为 120');
    expect(problems.some((m) => m.startsWith('设置 totalCaps[0]：执行率下限 70% 应小于上限 60%'))).toBe(true);
  });

  it('refuses grade bands out of order, duplicated or not reaching 0', () => {
    const base = NATIONAL_PROJECT_SELF_EVALUATION.settings;
    const outOfOrder = validateRuleSetSettings('project-self-evaluation', { ...base, grades: [{ grade: '优', min: 80 }, { grade: '良', min: 90 }, { grade: '差', min: 0 }] });
    expect(outOfOrder.join('\n')).toMatch(/设置 grades：等级分数段应从高到低排列/);
    const gap = validateRuleSetSettings('project-self-evaluation', { ...base, grades: [{ grade: '优', min: 90 }, { grade: '良', min: 60 }] });
    expect(gap).toEqual(['设置 grades：最低一段的最低分应为 0（否则低于 60 分的总分没有等级），现为 60']);
    const dup = validateRuleSetSettings('department-self-evaluation', { ...NATIONAL_DEPARTMENT_SELF_EVALUATION.settings, grades: [{ grade: '优', min: 90 }, { grade: '优', min: 0 }] });
    expect(dup).toEqual(['设置 grades[1].grade：等级“优”重复']);
  });

  it('refuses tiers that are not contiguous, monitoring lights out of order and bad review severities', () => {
    const tiers = applySettingChanges(NATIONAL_PROJECT_SELF_EVALUATION.settings, { 'tiers.partly.max': 0.75 });
    expect(validateRuleSetSettings('project-self-evaluation', tiers).join('\n')).toMatch(/tiers：三档应首尾相接/);
    const lights = applySettingChanges(NATIONAL_MONITORING.settings, { 'indicatorLights.yellow': 130, defaultCutoffMonth: 13 });
    const m = validateRuleSetSettings('monitoring', lights);
    expect(m).toContain('设置 defaultCutoffMonth：截止月份应在 1–12 之间，现为 13');
    expect(m).toContain('设置 indicatorLights：黄灯界限 130 应低于蓝灯界限 120');
    const review = applySettingChanges(NATIONAL_TARGET_REVIEW.settings, { 'severities.weight-sum': 'fatal', 'deductions.error': -1 });
    expect(validateRuleSetSettings('target-review', review)).toEqual([
      '设置 severities.weight-sum：应为 error / warning / info 之一，现为 "fatal"',
      '设置 deductions.error：扣分应在 0–100 之间，现为 -1',
    ]);
    expect(validateRuleSetSettings('monitoring', null)).toEqual(['规则集的设置（settings）应为一组设置（对象）']);
  });

  it('property: any weights that add up to 100 pass, any other sum is refused', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }), (w) => {
        const [execution, output, outcome, satisfaction, cost] = w as [number, number, number, number, number];
        const settings = { ...NATIONAL_PROJECT_SELF_EVALUATION.settings, weights: { execution, output, outcome, satisfaction, cost } };
        const problems = validateRuleSetSettings('project-self-evaluation', settings);
        expect(problems.length === 0).toBe(execution + output + outcome + satisfaction + cost === 100);
      }),
    );
  });

  it('property: descending grade bands ending at 0 pass; shuffled ones that are not descending fail', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 5 }), fc.boolean(), (mins, reverse) => {
        const sorted = [...mins].sort((a, b) => b - a);
        const ordered = [...sorted, 0];
        const bands = (reverse ? [...ordered].reverse() : ordered).map((min, i) => ({ grade: `G${i}`, min }));
        const ok = validateRuleSetSettings('department-self-evaluation', { ...NATIONAL_DEPARTMENT_SELF_EVALUATION.settings, grades: bands }).length === 0;
        expect(ok).toBe(!reverse || ordered.length === 1);
      }),
    );
  });
});

describe('copying and changing rule sets', () => {
  it('copies a rule set for a region and years, recording its base and source', () => {
    const copy = copyRuleSet(NATIONAL_PROJECT_SELF_EVALUATION, { id: 'liwan-project-self-evaluation', version: 1, region: '荔湾区', years: { from: 2024, to: 2025 }, source: '荔财〔2024〕1号' });
    expect(copy).toMatchObject({ id: 'liwan-project-self-evaluation', version: 1, region: '荔湾区', years: { from: 2024, to: 2025 }, basedOn: 'cn-project-self-evaluation@1', scheme: 'project-self-evaluation' });
    expect(copy.sources[0]).toEqual({ docNo: '荔财〔2024〕1号', title: '' });
    expect(copy.sources).toHaveLength(NATIONAL_PROJECT_SELF_EVALUATION.sources.length + 1);
    copy.settings.weights.execution = 20;
    expect(NATIONAL_PROJECT_SELF_EVALUATION.settings.weights.execution).toBe(10);
  });

  it('applies key=value changes to existing settings only, without changing the original', () => {
    const base = NATIONAL_PROJECT_SELF_EVALUATION.settings;
    const changed = applySettingChanges(base, { 'weights.execution': 20, 'weights.output': 40, 'grades[0].min': 85, totalCaps: [{ fromRate: 0, belowRate: 80, maxTotal: 79 }] });
    expect(changed.weights).toMatchObject({ execution: 20, output: 40 });
    expect(changed.grades[0]).toEqual({ grade: '优', min: 85 });
    expect(changed.totalCaps).toHaveLength(1);
    expect(base.weights.execution).toBe(10);
    expect(base.totalCaps).toEqual([]);
    expect(() => applySettingChanges(base, { 'weights.exec': 5 })).toThrow('没有设置项 weights.exec');
    expect(() => applySettingChanges(base, { 'grades[9].min': 5 })).toThrow(/没有设置项/);
  });

  it('parses references, years and values', () => {
    expect(parseRuleSetRef('cn-monitoring@2')).toEqual({ id: 'cn-monitoring', version: 2 });
    expect(parseRuleSetRef('cn-monitoring')).toEqual({ id: 'cn-monitoring' });
    expect(parseRuleSetRef('Bad Id@x')).toBeNull();
    expect(parseYears('2024-2025')).toEqual({ from: 2024, to: 2025 });
    expect(parseYears('2024')).toEqual({ from: 2024, to: 2024 });
    expect(parseYears('2024-')).toEqual({ from: 2024, to: null });
    expect(parseYears('2025-2024')).toBeNull();
    expect(parseYears('abc')).toBeNull();
    expect(parseSettingValue('15')).toBe(15);
    expect(parseSettingValue('[1,2]')).toEqual([1, 2]);
    expect(parseSettingValue('经费保障')).toBe('经费保障');
  });
});

const c = (region: string, version: number, from: number | null = null, to: number | null = null): RuleSetCandidate & { name: string } => ({
  scheme: 'project-self-evaluation',
  region,
  version,
  years: { from, to },
  name: `${region}@${version}`,
});
const spec = (r: string) => (r === '全国' ? 0 : r.length);

describe('activeRuleSet', () => {

  it('prefers the most specific region, then the newest version, within the years', () => {
    const all = [c('全国', 1), c('全国', 3), c('广州市', 1), c('广州市荔湾区', 1, 2024, 2025), c('广州市荔湾区', 2, 2026)];
    expect(activeRuleSet(all, { scheme: 'project-self-evaluation', region: '广州市荔湾区', year: 2024 })?.name).toBe('广州市荔湾区@1');
    expect(activeRuleSet(all, { scheme: 'project-self-evaluation', region: '广州市荔湾区', year: 2026 })?.name).toBe('广州市荔湾区@2');
    expect(activeRuleSet(all, { scheme: 'project-self-evaluation', region: '广州市白云区', year: 2024 })?.name).toBe('广州市@1');
    expect(activeRuleSet(all, { scheme: 'project-self-evaluation', region: '深圳市', year: 2024 })?.name).toBe('全国@3');
    expect(activeRuleSet(all, { scheme: 'monitoring', region: '深圳市', year: 2024 })).toBeNull();
  });

  it('property: the choice covers the query and nothing covering it is more specific or newer', () => {
    const regions = ['全国', '广东省', '广州市', '广州市荔湾区', '深圳市'];
    const candidate = fc.record({ region: fc.constantFrom(...regions), version: fc.integer({ min: 1, max: 9 }), from: fc.option(fc.integer({ min: 2020, max: 2026 })), span: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 8 }), fc.constantFrom(...regions), fc.integer({ min: 2019, max: 2030 }), (raw, region, year) => {
        const all = raw.map((r) => c(r.region, r.version, r.from, r.from === null ? null : r.from + r.span));
        const chosen = activeRuleSet(all, { scheme: 'project-self-evaluation', region, year });
        const covering = all.filter((x) => (x.region === '全国' || region.startsWith(x.region)) && (x.years.from === null || year >= x.years.from) && (x.years.to === null || year <= x.years.to));
        const ok =
          covering.length === 0
            ? chosen === null
            : chosen !== null &&
              covering.includes(chosen) &&
              covering.every((x) => spec(x.region) < spec(chosen.region) || (spec(x.region) === spec(chosen.region) && x.version <= chosen.version));
        expect(ok).toBe(true);
      }),
    );
  });
});
