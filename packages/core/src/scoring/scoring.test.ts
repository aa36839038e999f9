import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActualValue, Indicator, Target } from '../document/model';
import { NATIONAL_GRADES, gradeFor } from '../rules/grades';
import { parseActual } from '../target/parse-actual';
import { inferDirection, parseTarget } from '../target/parse-target';
import { buildIndicator } from '../testing/builders';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_MONITORING, NATIONAL_PROJECT_SELF_EVALUATION } from './builtin-rule-sets';
import { adjustmentRate, executionRate, scoreExecution } from './execution';
import { monitorBudget, monitorIndicator, missingDeviationFields } from './monitoring';
import { scoreDepartment } from './score-department';
import { scoreIndicator } from './score-indicator';
import { levelWeightsFor, scoreProject } from './score-project';

const S = NATIONAL_PROJECT_SELF_EVALUATION.settings;
const ind = (name: string, target: string): Pick<Indicator, 'name' | 'annualTarget' | 'periodTarget' | 'direction'> => {
  const t = parseTarget(target);
  return { name, annualTarget: t, periodTarget: null, direction: inferDirection(name, t) };
};

describe('rules.md worked examples', () => {
  it('R3: satisfaction ≥90%, actual 85%, 10 points → 9.44', () => {
    const r = scoreIndicator({ indicator: ind('服务对象满意度', '≥90%'), actual: parseActual('85%'), weight: 10 }, S);
    expect(r.score).toBe(9.44);
    expect(r.reasons).toEqual(['部分达成: 85/90 × 10 = 9.44']);
  });

  it('R3: 100% paid on time, actual 98%, 8 points → 7.84', () => {
    expect(scoreIndicator({ indicator: ind('补贴发放及时率', '100%'), actual: parseActual('98%'), weight: 8 }, S).score).toBe(7.84);
  });

  it('R3: ≥2场, actual 3场, 5 points → 5, flagged as overrun needing an explanation', () => {
    const r = scoreIndicator({ indicator: ind('举办活动场次', '≥2场'), actual: parseActual('3场'), weight: 5 }, S);
    expect(r).toMatchObject({ score: 5, status: 'met', overrun: true, needsExplanation: true });
    expect(scoreIndicator({ indicator: ind('举办活动场次', '≥2场'), actual: parseActual('3场'), weight: 5, deviationReason: '上级临时增加任务' }, S).needsExplanation).toBe(false);
  });

  it('R3: 达成 reason reads like the rulebook', () => {
    expect(scoreIndicator({ indicator: ind('服务对象满意度', '≥90%'), actual: parseActual('95%'), weight: 10 }, S).reasons[0]).toBe('达成: 实际 95% ≥ 目标 90%');
  });

  it('R4: cost ≤100万元, actual 110, 8 points → 7.20 (ratio setting → 7.27); 95 → 8; 210 → 0', () => {
    const cost = ind('项目成本', '≤100万元');
    expect(scoreIndicator({ indicator: cost, actual: parseActual('110万元'), weight: 8 }, S).score).toBe(7.2);
    expect(scoreIndicator({ indicator: cost, actual: parseActual('110万元'), weight: 8 }, { ...S, lowerIsBetter: 'ratio' }).score).toBe(7.27);
    expect(scoreIndicator({ indicator: cost, actual: parseActual('95万元'), weight: 8 }, S).score).toBe(8);
    expect(scoreIndicator({ indicator: cost, actual: parseActual('210万元'), weight: 8 }, S).score).toBe(0);
  });

  it('R4: 0次 accidents: 0 → full, 1 → 0', () => {
    const accidents = ind('安全事故发生数', '0次');
    expect(scoreIndicator({ indicator: accidents, actual: parseActual('0次'), weight: 5 }, S).score).toBe(5);
    expect(scoreIndicator({ indicator: accidents, actual: parseActual('1次'), weight: 5 }, S).score).toBe(0);
  });

  it('R5: 提升, 10 points, 部分达成 → band 6.00–7.99, pre-filled 7.00; 8.00 is refused', () => {
    const vague = ind('居民环境', '提升');
    const r = scoreIndicator({ indicator: vague, actual: null, weight: 10, tier: 'partly' }, S);
    expect(r).toMatchObject({ score: 7, status: 'qualitative', band: { min: 6, max: 8, suggested: 7 } });
    expect(scoreIndicator({ indicator: vague, actual: null, weight: 10, tier: 'partly', evaluatorScore: 6 }, S).score).toBe(6);
    const refused = scoreIndicator({ indicator: vague, actual: null, weight: 10, tier: 'partly', evaluatorScore: 8 }, S);
    expect(refused.status).toBe('invalid');
    expect(refused.reasons[0]).toContain('不在该档内');
    expect(scoreIndicator({ indicator: vague, actual: null, weight: 10 }, S).status).toBe('pending');
  });

  it('R6: 186 / 200 → 93.00% → 9.30; seed 004: 88.18% and 25.27%', () => {
    expect(scoreExecution({ initial: 200, adjustment: 0, spent: 186 }, '万元', 10, { mode: 'proportional' })).toMatchObject({ rate: 93, score: 9.3 });
    expect(executionRate({ initial: 4062.1, adjustment: 1026.38, spent: 4487.07 }, '万元')).toBe(88.18);
    expect(adjustmentRate({ initial: 4062.1, adjustment: 1026.38, spent: 4487.07 }, '万元')).toBe(25.27);
    expect(adjustmentRate({ initial: 0, adjustment: 815.41, spent: 801.31 }, '万元')).toBeNull();
    expect(executionRate({ initial: null, adjustment: null, adjusted: 8988.68, spent: 9016.65 }, '万元')).toBe(100.31);
    expect(executionRate({ initial: null, adjustment: null, adjusted: 18009.98, spent: 17626.37 }, '万元')).toBe(97.87);
  });

  it('R6: step scoring is a setting', () => {
    const steps = { mode: 'steps' as const, steps: [{ minRate: 100, fraction: 1 }, { minRate: 80, fraction: 0.7 }, { minRate: 60, fraction: 0.5 }, { minRate: 0, fraction: 0 }] };
    expect(scoreExecution({ initial: 200, adjustment: 0, spent: 186 }, '万元', 10, steps).score).toBe(7);
  });

  it('R7: 9.30 + 47.50 + 28.00 + 9.44 = 94.24 → 优', () => {
    const indicators = [
      buildIndicator({ name: '举办活动次数', levels: '1-产出指标; 11-数量指标', annual: '≥12次', actual: parseActual('12次') }, 1),
      buildIndicator({ name: '验收合格率', levels: '1-产出指标; 12-质量指标', annual: '100%', actual: parseActual('90%') }, 2),
      buildIndicator({ name: '帮扶困难群体次数', levels: '2-效益指标; 22-社会效益', annual: '≥15次', actual: parseActual('14次') }, 3),
      buildIndicator({ name: '服务对象满意度', levels: '3-满意度指标; 31-服务对象满意度', annual: '≥90%', actual: parseActual('85%') }, 4),
    ];
    const r = scoreProject({ indicators }, { initial: 200, adjustment: 0, spent: 186 }, '万元', NATIONAL_PROJECT_SELF_EVALUATION);
    expect(r.execution.score).toBe(9.3);
    expect(r.lines.map((l) => l.result.score)).toEqual([25, 22.5, 28, 9.44]);
    expect(r.total).toBe(94.24);
    expect(r.grade).toBe('优');
    expect(r.rule).toBe('cn-project-self-evaluation@1');
  });

  it('R7: no 满意度 → 10 points to 产出 and 效益 pro rata (56.25 / 33.75) or split even (55 / 35)', () => {
    const indicators = [buildIndicator({ name: 'A', levels: '1-产出指标; 11-数量指标' }), buildIndicator({ name: 'B', levels: '2-效益指标; 22-社会效益' })];
    expect(levelWeightsFor(indicators, S).weights).toMatchObject({ output: 56.25, outcome: 33.75, satisfaction: 0 });
    expect(levelWeightsFor(indicators, { ...S, noSatisfaction: 'split-even' }).weights).toMatchObject({ output: 55, outcome: 35, satisfaction: 0 });
  });

  it.each([
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
  ])('R7 grade boundary %s → %s', (total, grade) => {
    expect(gradeFor(total, NATIONAL_GRADES)).toBe(grade);
  });

  it('R10: budget 120, spent 50 by July → 41.67% vs 58.33% → ratio 71.4 → yellow', () => {
    expect(monitorBudget(120, 50, 7, '万元', NATIONAL_MONITORING.settings)).toMatchObject({ executionRate: 41.67, timeProgress: 58.33, ratio: 71.4, light: 'yellow' });
  });

  it('R10: ≥24场, 10 by July → 14 expected → 71.4% → yellow; a survey is not prorated', () => {
    const m = monitorIndicator({ indicator: ind('全年开展活动场次', '≥24场'), actualToDate: 10, cutoffMonth: 7, prorate: true }, NATIONAL_MONITORING.settings);
    expect(m).toMatchObject({ expected: 14, ratio: 71.4, light: 'yellow' });
    expect(monitorIndicator({ indicator: ind('服务对象满意度', '≥90%'), actualToDate: 92, cutoffMonth: 7, prorate: false }, NATIONAL_MONITORING.settings).light).toBe('green');
    expect(missingDeviationFields('yellow', {}, NATIONAL_MONITORING.settings)).toHaveLength(3);
    expect(missingDeviationFields('yellow', { reason: '经费保障', likelihood: '有可能', measures: ['调整执行计划'] }, NATIONAL_MONITORING.settings)).toEqual([]);
    expect(missingDeviationFields('green', {}, NATIONAL_MONITORING.settings)).toEqual([]);
  });
});

describe('R8 department self-evaluation', () => {
  it('seed 003: key-indicator weights 5 + 14 + 14 + 14 + 3 = 50, the stated scores sum to 49.5', () => {
    const task = (name: string, weight: number, rows: Array<[number, number]>) => ({
      name,
      content: null,
      funds: null,
      expected: null,
      projects: [],
      weight,
      indicators: rows.map(([w, s], i) => ({ ...buildIndicator({ name: `${name}指标${i + 1}`, annual: '完成' }, i + 1), weight: w, score: s, actual: null })),
    });
    const keyTasks = [
      task('落实基层党建工作责任制', 5, [[1, 1], [1, 1], [2, 2], [1, 1]]),
      task('加强公共服务和民生保障工作', 14, [[1, 1], [2, 2], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [2, 2], [2, 2], [2, 1.5]]),
      task('加强城市管理', 14, [[2, 2], [2, 2], [2, 2], [2, 2], [1, 1], [2, 2], [2, 2], [1, 1]]),
      task('强化社会治安综合治理', 14, [[1, 1], [1, 1], [2, 2], [1, 1], [1, 1], [1, 1], [1, 1], [2, 2], [1, 1], [1, 1], [1, 1], [1, 1]]),
      task('统筹社区建设', 3, [[1, 1], [1, 1], [1, 1]]),
    ];
    const r = scoreDepartment({ budget: { initial: null, adjustment: null, adjusted: 18009.98, spent: 17626.37 }, goalTier: 'achieved', keyTasks, statedKeyTasksScore: 49.5 }, '万元', NATIONAL_DEPARTMENT_SELF_EVALUATION);
    expect(r.keyTasksScore).toBe(49.5);
    expect(r.spendingProgress.rate).toBe(97.87);
    expect(r.spendingProgress.score).toBe(29.36);
    expect(r.differences).toEqual([]);
    expect(r.total).toBe(roundTo2(29.36 + 20 + 49.5));
  });

  it('reports a stated score the rows do not give', () => {
    const keyTasks = [{ name: '任务1', content: null, funds: null, expected: null, projects: [], weight: 2, statedScore: 2, indicators: [{ ...buildIndicator({ name: 'x', annual: '完成' }), weight: 2, score: 1.5, actual: null }] }];
    const r = scoreDepartment({ budget: { initial: 100, adjustment: 0, spent: 100 }, goalTier: 'achieved', keyTasks }, '万元', NATIONAL_DEPARTMENT_SELF_EVALUATION);
    expect(r.differences.some((d) => d.includes('写明得分 2'))).toBe(true);
  });
});

function roundTo2(x: number) {
  return Math.round(x * 100) / 100;
}

describe('scoring properties', () => {
  const ops = fc.constantFrom('≥', '>', '', '≤', '<');
  const target = fc.tuple(ops, fc.integer({ min: 1, max: 1000 })).map(([op, v]) => parseTarget(`${op}${v}次`) as Target);
  const actualOf = (v: number): ActualValue => ({ text: `${v}次`, op: null, value: v, unit: '次' });
  const weight = fc.integer({ min: 0, max: 5000 }).map((w) => w / 100);

  it('a score never exceeds its weight and is never negative', () => {
    fc.assert(
      fc.property(target, fc.integer({ min: 0, max: 5000 }), weight, (t, a, w) => {
        const r = scoreIndicator({ indicator: { name: '次数', annualTarget: t, periodTarget: null, direction: null }, actual: actualOf(a), weight: w }, S);
        expect(r.score).not.toBeNull();
        expect(r.score!).toBeLessThanOrEqual(w);
        expect(r.score!).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a score never goes down when the actual improves', () => {
    fc.assert(
      fc.property(target, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), weight, (t, x, y, w) => {
        const lower = t.op === '<=' || t.op === '<';
        const [worse, better] = lower ? [Math.max(x, y), Math.min(x, y)] : [Math.min(x, y), Math.max(x, y)];
        const indicator = { name: '次数', annualTarget: t, periodTarget: null, direction: null };
        const s1 = scoreIndicator({ indicator, actual: actualOf(worse), weight: w }, S).score!;
        const s2 = scoreIndicator({ indicator, actual: actualOf(better), weight: w }, S).score!;
        expect(s2).toBeGreaterThanOrEqual(s1);
      }),
    );
  });

  it('the total equals the sum of its parts', () => {
    const row = fc.record({ level: fc.constantFrom('1-产出指标; 11-数量指标', '2-效益指标; 22-社会效益', '3-满意度指标; 31-服务对象满意度'), target: fc.integer({ min: 1, max: 100 }), actual: fc.integer({ min: 0, max: 150 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1200 }), (rows, budget, spent) => {
        const indicators = rows.map((r, i) => buildIndicator({ name: `指标${i}`, levels: r.level, annual: `≥${r.target}%`, actual: { text: `${r.actual}%`, op: null, value: r.actual, unit: '%' } }, i + 1));
        const p = scoreProject({ indicators }, { initial: budget, adjustment: 0, spent }, '万元', NATIONAL_PROJECT_SELF_EVALUATION);
        const parts = [p.execution.score!, ...p.lines.map((l) => l.result.score!)];
        const sumCents = parts.reduce((a, x) => a + Math.round(x * 100), 0);
        expect(Math.round(p.total! * 100)).toBe(sumCents);
        expect(p.total!).toBeLessThanOrEqual(100.0001);
      }),
    );
  });
});
